"""The staff workspace under /staff/: province staff enter and keep up their province's data.

views (dashboard, products), accounts (sign in/out, password, lockout page), forms, filters,
exports (CSV/XLSX), imports (reading and checking spreadsheets), imports_views, images (photo
checks and re-encoding), history (readable change lists). Producer pages live in
producers/staff_views.py; writes go through producers/services.py and products/services.py;
every access rule comes from producers/permissions.py.
"""
