"""Exports of any registered list (CSV, XLSX) or report (PDF), written in the background.

Apps register their lists in ``<app>/exports.py`` (see ``netw.exports.registry``).
"""
