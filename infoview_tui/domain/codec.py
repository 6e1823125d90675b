"""Records to JSON-ready dicts and back.

Built once per class from its type hints, so decoding 30,000 contacts stays cheap. Decoding
is forgiving in the way a user's file needs: unknown keys are ignored, missing keys take the
field's default, and a value of the wrong shape falls back to the default instead of failing
to open the whole file. Datetimes are ISO 8601 with their UTC offset; dates are YYYY-MM-DD.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")
Conv = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _encode_datetime(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r}: infoview stores times with their UTC offset")
    return value.isoformat()


def decode_datetime(value: Any) -> datetime | None:
    """A stored time; raises ValueError (or TypeError) for one that is not."""
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:  # written by hand without an offset: read it as local time
        parsed = parsed.astimezone()
    return parsed


def _converters(hint: Any) -> tuple[Conv, Conv]:
    """(encode, decode) for one type hint."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        enc, dec = _converters(args[0])
        return (lambda v: None if v is None else enc(v)), (lambda v: None if v is None else dec(v))
    if origin is list:
        (item,) = typing.get_args(hint)
        enc, dec = _converters(item)

        def dec_list(v: Any) -> list[Any]:
            if not isinstance(v, list):  # a string would otherwise become a list of letters
                raise TypeError("expected a list")
            return list(v) if dec is _identity else [dec(x) for x in v]

        if enc is _identity and dec is _identity:
            return list, dec_list
        return (lambda v: [enc(x) for x in v]), dec_list
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        cls: type = hint
        return (lambda v: encode(v)), (lambda v: decode(cls, v))
    if hint is datetime:
        return _encode_datetime, decode_datetime
    if hint is date:
        return (lambda v: v.isoformat()), date.fromisoformat
    if isinstance(hint, type) and issubclass(hint, Enum):
        return (lambda v: v.value), hint
    if hint is float:
        return _identity, float
    if hint in (str, int, bool):

        def check(v: Any, hint: type = hint) -> Any:
            if type(v) is not hint:  # exact: a stored true is not the number 1
                raise TypeError(f"expected {hint.__name__}")
            return v

        return _identity, check
    return _identity, _identity


Plan = list[tuple[str, Conv, Conv, Callable[[], Any]]]  # name, encode, decode, default


def _plan(cls: type) -> Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = _make_plan(cls)
    return plan


_PLANS: dict[type, Plan] = {}  # per record class: built once, from its type hints


def _make_plan(cls: type) -> Plan:
    hints = typing.get_type_hints(cls)
    plan: Plan = []
    for f in dataclasses.fields(cls):
        enc, dec = _converters(hints[f.name])
        if f.default is not dataclasses.MISSING:
            default = f.default

            def make(default: Any = default) -> Any:
                return default
        else:
            make = f.default_factory  # type: ignore[assignment]
        plan.append((f.name, enc, dec, make))
    return plan


def encode(record: Any) -> dict[str, Any]:
    """A dict of JSON types for a record; `id` is left out (it is the storage key)."""
    out = {}
    for name, enc, _dec, _make in _plan(type(record)):
        if name == "id":
            continue
        out[name] = enc(getattr(record, name))
    return out


def decode(cls: type[T], data: Any, **extra: Any) -> T:
    """A record from stored data; bad or missing values take the field's default."""
    kwargs: dict[str, Any] = dict(extra)
    if isinstance(data, dict):
        for name, _enc, dec, make in _plan(cls):
            if name in kwargs:
                continue
            if name in data:
                try:
                    kwargs[name] = dec(data[name])
                    continue
                except (TypeError, ValueError, KeyError, AttributeError):
                    pass
            kwargs[name] = make()
    return cls(**kwargs)
