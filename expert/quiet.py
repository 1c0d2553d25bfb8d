"""experta's logging made free while nobody listens.

experta logs every match, token and activation through its watchers; with no
one listening each call still costs a method lookup and a level check,
hundreds of times per case.
"""
from __future__ import annotations

import logging
from typing import Any

from exsplain.expert.experta import watchers

_quieted = False


def _nothing(*args: Any, **kwargs: Any) -> None:
    return None


def quiet_experta_logging() -> None:
    """Make experta's per-token log calls no-ops while its watchers are off.

    experta logs every match at DEBUG or INFO level; with no one listening a
    call still costs a method lookup and a level check, hundreds of times per
    case.  This applies only to watchers that would not log anyway (at the
    time the first lean engine is built); ``experta.watchers.watch`` before
    that keeps them.
    """
    global _quieted
    if _quieted:
        return
    _quieted = True
    for name in ("MATCH", "MATCHER", "FACTS", "RULES", "AGENDA", "ACTIVATIONS", "ENGINE"):
        logger = getattr(watchers, name, None)
        if isinstance(logger, logging.Logger) and not logger.isEnabledFor(logging.INFO):
            logger.debug = logger.info = _nothing  # type: ignore[method-assign]
