"""Places: where a record is on the map and which ISO 3166-2 region it is in.

``models.Located`` gives a record its coordinates and region; the gazetteer (GeoNames cities,
shipped with the project) fills them from the city, and the record's owner may correct them.
"""
