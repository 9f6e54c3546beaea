"""``@record``: immutable data classes that cost nothing to import.

``dataclasses`` pulls in ``inspect`` and ``ast`` (~20 ms of a command's start-up here), and
``typing.NamedTuple`` pulls in ``typing`` (~10 ms). A record is a class with ``__slots__``, a
generated ``__init__`` and value equality; type checkers treat the decorator as ``dataclass``
(PEP 681 ``dataclass_transform``, frozen), so constructors and read-only fields are checked by
mypy exactly as for a frozen dataclass. Fields are the class's annotations, in order; a value
given in the class body is that field's default (immutable values only).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TypeVar, dataclass_transform

    C = TypeVar("C", bound=type)
    R = TypeVar("R")
else:

    def dataclass_transform(**_: object) -> object:
        return lambda decorated: decorated


@dataclass_transform(frozen_default=True)
def record(cls: C) -> C:
    """Turn an annotated class into a slotted record (see the module's docstring)."""
    names = tuple(cls.__dict__.get("__annotations__", {}))
    defaults = {name: cls.__dict__[name] for name in names if name in cls.__dict__}
    namespace = {
        key: value
        for key, value in cls.__dict__.items()
        if key not in defaults and key not in ("__dict__", "__weakref__")
    }
    params = ", ".join(f"{n}=_defaults[{n!r}]" if n in defaults else n for n in names)
    body = "".join(f"    self.{n} = {n}\n" for n in names) or "    pass\n"
    scope: dict[str, Any] = {"_defaults": defaults}
    exec(f"def __init__(self, {params}):\n{body}", scope)  # noqa: S102 - our own field names
    namespace.update(
        __slots__=names,
        __init__=scope["__init__"],
        __eq__=_eq,
        __hash__=_hash,
        __repr__=_repr,
        __match_args__=names,
    )
    made: C = type(cls)(cls.__name__, cls.__bases__, namespace)
    return made


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name in self.__slots__)


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return False
    return bool(_values(self) == _values(other))


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
    return f"{self.__class__.__name__}({fields})"


def changed(item: R, **values: Any) -> R:
    """A copy of the record ``item`` with ``values`` in place of its own (dataclasses'
    ``replace``)."""
    fields = {name: getattr(item, name) for name in getattr(item, "__slots__", ())}
    made: R = type(item)(**{**fields, **values})
    return made
