"""Open data: the nightly Frictionless data package and the HSDS feed of the registry.

The public field set of each record lives once, in the API's serializers (netw/api): the data
package's CSV columns and Table Schemas are derived from them (:mod:`netw.opendata.schema`), so
the files, the API and the data page that explains every field cannot drift apart.

- :mod:`netw.opendata.datasets`: the datasets to publish (the API's list of them).
- :mod:`netw.opendata.schema`: a serializer's fields as Table Schema fields and CSV cells.
- :mod:`netw.opendata.package`: writes the package into a fresh directory and swaps it in.
- :mod:`netw.opendata.hsds`: the HSDS 3 feed's pages, filled by each app's ``hsds.py`` hook.
- :mod:`netw.opendata.views`: the data page and the files at stable URLs.
"""
