"""The registry's pages, one module per feature: partners, the records (providers, networks,
stakeholders), the country overview, the import and the exports."""
