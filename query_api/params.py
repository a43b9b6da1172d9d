"""Query parameters most read routes share, and how a route refuses one."""

from __future__ import annotations

from typing import Annotated, Any, NoReturn

from fastapi import Query
from fastapi.exceptions import RequestValidationError
from pydantic import TypeAdapter, ValidationError

from copro.fields import Count

Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[Count, Query()]


def refuse(field: str, message: str) -> NoReturn:
    """A 422 naming the query parameter, as FastAPI's own validation answers."""
    raise RequestValidationError([{"loc": ("query", field), "msg": message, "type": "value_error"}])


def parsed(kind: TypeAdapter[Any], value: str, field: str) -> Any:
    """The parameter's value as `kind` reads it (its validators included), or a 422."""
    try:
        return kind.validate_python(value)
    except ValidationError as error:
        refuse(field, error.errors()[0]["msg"])
