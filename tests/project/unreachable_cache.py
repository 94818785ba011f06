"""A cache backend whose server never answers, for the health check's 'cache down' test."""

from django.core.cache.backends.base import BaseCache


class UnreachableCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)

    def _refuse(self, *args, **kwargs):
        raise ConnectionError("Error 111 connecting to 10.0.0.9:6379. Connection refused.")

    add = get = set = touch = delete = incr = clear = has_key = _refuse
