"""The base layer: provinces, wards, producers, staff assignments, access rules, publication; public pages."""
