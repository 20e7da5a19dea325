"""Work package 3 (cooperation and financial sustainability).

Its models arrive with its issue; the app is registered so migrations and URLs have a home.
"""
