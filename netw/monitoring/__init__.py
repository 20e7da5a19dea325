"""Monitoring: the project's indicators (each defined once), their targets and the reporting
periods, read by the coordinators' dashboard, the partner pages, the funder's reports, the exports
and the open data. See :mod:`netw.monitoring.indicators`."""
