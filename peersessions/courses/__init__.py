"""Work package 1's MOOC on capacity building: courses built from the peer sessions.

Its models are declared here and registered under the ``peersessions`` app (peersessions/models.py
imports them); its views, forms, services and templates live in this package and in
``templates/peersessions/courses/``.
"""
