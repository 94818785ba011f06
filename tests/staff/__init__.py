"""The staff workspace at /staff/: access, sign-in, forms, publication, import and export."""
