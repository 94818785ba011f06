"""The logging configuration: console always, a file and mail to ADMINS when the operator asks.

Everything reaches the root logger's handlers once: Django's own loggers give up the handlers
of Django's default configuration and propagate, so a server error (``django.request``, with
its traceback) is written to the console, to ``DJANGO_LOG_FILE`` and mailed to ``ADMINS``.
"""


def build_logging(*, level: str = "INFO", log_file: str | None = None, mail_admins: bool = False) -> dict:
    """A ``LOGGING`` dict: console, plus a file handler and an ``ADMINS`` mailer when configured."""
    handlers = {"console": {"class": "logging.StreamHandler", "formatter": "plain"}}
    if log_file:
        # WatchedFileHandler reopens the file after logrotate moves it away.
        handlers["file"] = {
            "class": "logging.handlers.WatchedFileHandler",
            "filename": log_file,
            "formatter": "plain",
            "encoding": "utf-8",
        }
    quiet_handlers = list(handlers)  # everything but mail
    if mail_admins:
        handlers["mail_admins"] = {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
        "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
        "handlers": handlers,
        "root": {"handlers": list(handlers), "level": level},
        "loggers": {
            "django": {"handlers": [], "level": "INFO", "propagate": True},
            # Requests with a forged Host header are noise for a mailbox: logged, not mailed.
            "django.security.DisallowedHost": {"handlers": quiet_handlers, "propagate": False},
            # Axes logs every successful sign-in at INFO; ocop.audit records those already.
            "axes": {"level": "WARNING"},
            # The audit trail is kept whatever DJANGO_LOG_LEVEL says.
            "ocop.audit": {"level": "INFO"},
        },
    }
