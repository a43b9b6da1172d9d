"""How every copro process logs: one line of key=value per record, and no email in the access
log. Apart from `copro.bootstrap`, so that a command which serves nothing loads no server."""

from __future__ import annotations

import logging
import re

from copro.settings import Settings


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="ts=%(asctime)s level=%(levelname)s logger=%(name)s msg=%(message)s",
    )
    logging.getLogger("uvicorn.access").addFilter(without_emails)


EMAIL_PARAMETER = re.compile(r"(?<=[?&]email=)[^&\s]*")


def without_emails(record: logging.LogRecord) -> bool:
    """Keeps emails out of the access log: a right-of-access request names one in its query
    (`/people/export?email=`)."""
    if isinstance(record.args, tuple):
        record.args = tuple(
            EMAIL_PARAMETER.sub("…", a) if isinstance(a, str) else a for a in record.args
        )
    return True
