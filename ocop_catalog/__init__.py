"""Configuration and site-wide pages: settings, URLs, WSGI, home, robots.txt, sitemaps, error pages."""
