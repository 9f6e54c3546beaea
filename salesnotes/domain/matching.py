"""How a typed fragment picks a name: the rule behind WHO and organisation names. Pure.

Names and fragments are compared folded (``text.fold``: case- and accent-insensitive, single
spaces). Levels, best first: the whole name, a whole word, the start of a word, anywhere. The
first level with any match decides, so ``jan`` is Jan de Vries even when Janneke exists.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable


def level(name: str, key: str) -> int:
    """0 whole name, 1 whole word, 2 start of a word, 3 anywhere, 4 no match."""
    if name == key:
        return 0
    padded = f" {name} "
    if f" {key} " in padded:
        return 1
    if f" {key}" in padded:
        return 2
    return 3 if key in name else 4


def best(candidates: Iterable[tuple[int, str]], key: str) -> list[int]:
    """The ids of the candidates (id, folded name) at the best level that matches, in order."""
    found: list[list[int]] = [[], [], [], [], []]
    for ident, name in candidates:
        found[level(name, key)].append(ident)
    for ids in found[:4]:
        if ids:
            return ids
    return []


FIELD_WEIGHTS = (10, 5, 2, 3, 2, 1)
"""How much a word counts where it is found, for ``words_rank``, per field in the order it is
given them: name 10, organisation 5, e-mail addresses 2, tags 3, job title 2, city 1."""


def words_rank(words: list[str], fields: list[str]) -> tuple[int, int]:
    """(level, -weight): how well every word matches (``words_level``), and the sum over the
    words of the weight of the best field each starts a word of; the smaller, the better.
    The same on both databases, where their own full-text ranks (FTS5's bm25, PostgreSQL's
    ts_rank) order the same matches differently."""
    padded = [
        f" {' '.join(field.replace('@', ' ').replace('.', ' ').split())} " for field in fields
    ]
    weight = 0
    for word in words:
        weight += max(
            (w for w, field in zip(FIELD_WEIGHTS, padded, strict=False) if f" {word}" in field),
            default=0,
        )
    return words_level(words, fields), -weight


def words_level(words: list[str], fields: list[str]) -> int:
    """How well every word matches somewhere in ``fields`` (folded texts): 1 when each is a
    whole word of one of them, 2 when each at least starts one, 4 when one does not."""
    padded = [
        f" {' '.join(field.replace('@', ' ').replace('.', ' ').split())} " for field in fields
    ]
    worst = 1
    for word in words:
        if any(f" {word} " in field for field in padded):
            continue
        if any(f" {word}" in field for field in padded):
            worst = 2
        else:
            return 4
    return worst
