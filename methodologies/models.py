"""Models of this work package arrive with its issue; the app is registered so migrations and URLs have a home."""
