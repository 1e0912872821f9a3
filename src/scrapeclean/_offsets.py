"""The map from the current text back to the input text, and the one way edits are applied.

The pipeline and `replay()` share this module, so that replaying the recorded changes on the
input text reproduces the output exactly.

The map is a sorted list of *regions*: each says that input ``[in_start, in_end)`` became current
``[cur_start, cur_end)``. Between regions the text is unchanged, shifted by a constant. A position
that falls strictly inside a region has no exact counterpart, so an edit that starts or ends there
is *widened* to cover the whole region (the widened edit replaces the same text with the same
result, so the output does not change; only the recorded span grows).

Where one input position has several counterparts (next to an insertion or a deletion), the
start of a span maps to the leftmost one and the end to the rightmost one. Edits of one step that
would then touch ambiguously, or that overlap once widened, are merged into one change.

Every operation is linear in the number of regions and edits, so a long document with many small
changes costs no more than a few passes over its text. The regions are held in arrays of 64-bit
integers (8 bytes a number, against about 40 in a list), since a text can have millions.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["OffsetMap", "Piece", "apply_pieces"]


@dataclass(slots=True)
class Piece:
    """One change ready to apply: current ``[start, end)`` becomes `after`.

    ``[in_start, in_end)`` is the span of the input text the change comes from; `sources` are the
    indexes of the proposed edits it carries (several when edits were merged).
    """

    start: int
    end: int
    in_start: int
    in_end: int
    after: str
    sources: list[int]


class OffsetMap:
    """Where each part of the current text came from in the input text."""

    __slots__ = ("_cur_end", "_cur_start", "_in_end", "_in_start")

    def __init__(self) -> None:
        self._in_start = array("q")
        self._in_end = array("q")
        self._cur_start = array("q")
        self._cur_end = array("q")

    def __len__(self) -> int:
        return len(self._in_start)

    def _delta_after(self, index: int) -> int:
        """Offset shift (current minus input) in the gap after region `index` (-1: before all)."""
        if index < 0:
            return 0
        return self._cur_end[index] - self._in_end[index]

    # -- input -> current ------------------------------------------------------------------

    def forward_start(self, pos: int) -> int:
        """The leftmost current position that input position `pos` corresponds to."""
        i = bisect_left(self._in_end, pos)
        if i == len(self._in_end):
            return pos + self._delta_after(i - 1)
        in_start, in_end = self._in_start[i], self._in_end[i]
        if in_start <= pos < in_end or in_start == pos:
            return self._cur_start[i]
        if in_end == pos:
            return self._cur_end[i]
        return pos + self._delta_after(i - 1)

    def forward_end(self, pos: int) -> int:
        """The rightmost current position that input position `pos` corresponds to."""
        i = bisect_right(self._in_start, pos) - 1
        if i < 0:
            return pos
        in_start, in_end = self._in_start[i], self._in_end[i]
        if in_start < pos <= in_end:
            return self._cur_end[i]
        if in_start == pos and in_end == pos:
            return self._cur_end[i]
        if in_start == pos:
            return self._cur_start[i]
        return pos + self._delta_after(i)

    # -- current -> input ------------------------------------------------------------------

    def _inside(self, pos: int) -> int:
        """Index of the region whose current range holds `pos` strictly inside, or -1."""
        i = bisect_right(self._cur_start, pos) - 1
        if i >= 0 and self._cur_start[i] < pos < self._cur_end[i]:
            return i
        return -1

    def backward_start(self, pos: int) -> int:
        """The largest input position whose leftmost counterpart is at or before `pos`."""
        inside = self._inside(pos)
        if inside >= 0:
            return self._in_start[inside]
        before = bisect_right(self._cur_end, pos)
        return pos - self._delta_after(before - 1)

    def backward_end(self, pos: int) -> int:
        """The smallest input position whose rightmost counterpart is at or after `pos`."""
        inside = self._inside(pos)
        if inside >= 0:
            return self._in_end[inside]
        before = bisect_left(self._cur_start, pos)
        return pos - self._delta_after(before - 1)

    def locate(self, start: int, end: int) -> tuple[int, int, int, int]:
        """Map current ``[start, end)`` to ``(in_start, in_end, wide_start, wide_end)``.

        ``[wide_start, wide_end)`` contains ``[start, end)`` and is exactly where the input span
        maps forward to, so an edit widened to it can be replayed from the input span alone.
        """
        if not self._in_start:  # nothing changed yet: the current text is the input
            return start, end, start, end
        in_start = self.backward_start(start)
        in_end = max(self.backward_end(end), in_start)
        wide_start = self.forward_start(in_start)
        wide_end = self.forward_end(in_end)
        if wide_start > start or wide_end < end:  # pragma: no cover - an internal invariant
            raise AssertionError(
                f"offset map cannot locate [{start}, {end}): got [{wide_start}, {wide_end})"
            )
        return in_start, in_end, wide_start, wide_end

    # -- applying ---------------------------------------------------------------------------

    def update(self, pieces: Sequence[Piece]) -> None:
        """Record that `pieces` (sorted, non-overlapping, from `locate`) were applied.

        The regions between pieces are copied a stretch at a time (shifted by what the pieces
        before them added or removed), so a step costs a few slices, not a call per region.
        """
        if not pieces:
            return
        old_in_start, old_in_end = self._in_start, self._in_end
        in_start = array("q")
        in_end = array("q")
        cur_start = array("q")
        cur_end = array("q")
        old = 0
        count = len(old_in_start)
        shift = 0

        def keep(stop: int) -> None:
            """Copy the old regions ``[old, stop)``, shifted."""
            in_start.extend(old_in_start[old:stop])
            in_end.extend(old_in_end[old:stop])
            if shift:
                cur_start.extend([value + shift for value in self._cur_start[old:stop]])
                cur_end.extend([value + shift for value in self._cur_end[old:stop]])
            else:
                cur_start.extend(self._cur_start[old:stop])
                cur_end.extend(self._cur_end[old:stop])

        for piece in pieces:
            stop = bisect_left(old_in_start, piece.in_start, old)
            if stop > old:
                if old_in_end[stop - 1] > piece.in_start:  # pragma: no cover - internal invariant
                    raise AssertionError("a change splits an earlier change")
                keep(stop)
                old = stop
            while (
                old < count
                and old_in_start[old] <= piece.in_end
                and old_in_end[old] <= piece.in_end
            ):
                old += 1  # absorbed into the new region
            new_start = piece.start + shift
            in_start.append(piece.in_start)
            in_end.append(piece.in_end)
            cur_start.append(new_start)
            cur_end.append(new_start + len(piece.after))
            shift += len(piece.after) - (piece.end - piece.start)
        keep(count)
        self._in_start, self._in_end = in_start, in_end
        self._cur_start, self._cur_end = cur_start, cur_end


def apply_pieces(text: str, pieces: Sequence[Piece]) -> str:
    """Return `text` with every piece applied (pieces sorted and non-overlapping)."""
    chunks: list[str] = []
    last = 0
    for piece in pieces:
        chunks.append(text[last : piece.start])
        chunks.append(piece.after)
        last = piece.end
    chunks.append(text[last:])
    return "".join(chunks)
