"""The demo data builders (the promotion demo lives here; the catalog demo joins it in issue 7)."""
