"""The one base of the package's models: frozen (a value, never changed in place: `model_copy` makes a
changed one) and strict about unknown keys. Building a model's validator waits for its first use.

`Memoizing` adds what `functools.cached_property` gave without writing pydantic's instance state: the results
of a model's computed properties, kept in a private attribute that never takes part in the value (two equal
models stay equal whatever each has computed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Self, TypeVar, cast

from pydantic import BaseModel, ConfigDict, PrivateAttr

T = TypeVar("T")


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Memo(dict[str, Any]):
    """Results computed from a model's fields: a cache, so never a difference between two models."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Memo)

    def __ne__(self, other: object) -> bool:
        return not isinstance(other, Memo)

    __hash__ = None


class Memoizing(Frozen):
    _memo: Memo = PrivateAttr(default_factory=Memo)

    def _memoized(self, name: str, compute: Callable[[], T]) -> T:
        if name not in self._memo:
            self._memo[name] = compute()
        return cast(T, self._memo[name])

    def knowing(self, **computed: Any) -> Self:
        """This model, with the results of some of its computed properties already known (what they would
        compute, or the exact bytes first answered, for identical replays)."""
        for name in computed:
            if not isinstance(getattr(type(self), name, None), property):
                raise AttributeError(f"{type(self).__name__} computes no property {name!r}")
        self._memo.update(computed)
        return self
