"""The /staff/ workspace, where province staff keep up their province's producers and products.

No models: it consumes the domain apps (producers, products) and is never imported by them.
Views by subject in views/, forms, list filters, exports, history, messages, its template tags;
every access rule comes from producers.permissions, every write from the domain's services.
"""
