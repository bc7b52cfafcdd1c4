"""Finding a span's passage again after its article's body changed.

``BodyChange(old, new).place(...)`` tries, in order:

1. **anchored**: the diff of the two bodies (diff-match-patch) maps the passage to a place
   where the same quote stands; the offsets are shifted.
2. **moved**: the quote stands elsewhere; among several occurrences, the one whose context
   best matches the span's prefix and suffix wins, then the one nearest the mapped place.
3. **fuzzy**: the passage was lightly edited: the text the diff maps it to, or failing that
   the best approximate match in the body (rapidfuzz), is at least ``FUZZY_SIMILARITY``
   similar to the quote; it becomes the new quote.
4. **orphaned**: nothing matches well enough; the span keeps its old anchor.

Pure functions over strings: the caller normalises both bodies and stores the result.
"""

from __future__ import annotations

from dataclasses import dataclass

from diff_match_patch import diff_match_patch
from rapidfuzz import fuzz
from rapidfuzz.distance import Postfix, Prefix

from annotations.text import Anchor, anchor_at, occurrences

FUZZY_SIMILARITY = 0.8
"""How similar (normalised Indel similarity, 0 to 1) a lightly edited passage must remain
to its old quote to be taken as the same passage."""

DIFF_TIMEOUT_SECONDS = 0.5
"""diff-match-patch stops refining a diff after this long; a coarser diff only means fewer
spans are shifted exactly and more are found by searching."""

ANCHORED, MOVED, FUZZY, ORPHANED = "anchored", "moved", "fuzzy", "orphaned"


@dataclass(frozen=True)
class Placement:
    """Where a span stands in the new body: its state and anchor (``None`` when orphaned)."""

    state: str
    anchor: Anchor | None
    similarity: float = 1.0


class BodyChange:
    """The change from ``old`` to ``new``, diffed once to place any number of spans."""

    def __init__(self, old: str, new: str) -> None:
        self.old = old
        self.new = new
        differ = diff_match_patch()
        differ.Diff_Timeout = DIFF_TIMEOUT_SECONDS
        self._diffs: list[tuple[int, str]] = differ.diff_main(old, new, checklines=False)

    def mapped_range(self, start: int, end: int) -> tuple[int, int]:
        """The range of the new body that ``old[start:end]`` became.

        Text inserted at either edge belongs to the neighbours, text inserted inside (or in
        place of deleted text at an edge) to the passage."""
        new_start = new_end = None
        old_position = new_position = 0
        for index, (operation, text) in enumerate(self._diffs):
            if operation == diff_match_patch.DIFF_INSERT:
                new_position += len(text)
                continue
            old_next = old_position + len(text)
            if operation == diff_match_patch.DIFF_EQUAL:
                if new_start is None and start < old_next:
                    new_start = new_position + max(0, start - old_position)
                if end <= old_next:
                    new_end = new_position + (end - old_position)
                    break
                new_position += len(text)
            else:  # A deletion: what was deleted maps to where the text now continues.
                if new_start is None and start < old_next:
                    new_start = new_position
                if end <= old_next:
                    following = self._diffs[index + 1] if index + 1 < len(self._diffs) else None
                    replaced_by = (
                        len(following[1])
                        if following and following[0] == diff_match_patch.DIFF_INSERT
                        else 0
                    )
                    new_end = new_position + replaced_by
                    break
            old_position = old_next
        if new_start is None:
            new_start = new_position
        if new_end is None or new_end < new_start:
            new_end = new_start
        return new_start, new_end

    def place(self, start: int, end: int, quote: str, prefix: str, suffix: str) -> Placement:
        """Where the passage ``quote`` at ``old[start:end]`` now stands."""
        mapped_start, mapped_end = self.mapped_range(start, end)
        if self.new[mapped_start:mapped_end] == quote:
            return Placement(ANCHORED, anchor_at(self.new, mapped_start, mapped_end))
        found = occurrences(self.new, quote)
        if found:
            best = max(
                found, key=lambda at: self._fit(at, len(quote), prefix, suffix, mapped_start)
            )
            return Placement(MOVED, anchor_at(self.new, best, best + len(quote)))
        return self._approximate(quote, mapped_start, mapped_end)

    def _fit(self, at: int, length: int, prefix: str, suffix: str, near: int) -> tuple[int, int]:
        """How well an occurrence at ``at`` fits: characters of context that match, then
        nearness to where the diff put the passage."""
        before = self.new[max(0, at - len(prefix)) : at]
        after = self.new[at + length : at + length + len(suffix)]
        context = Postfix.similarity(before, prefix) + Prefix.similarity(after, suffix)
        return context, -abs(at - near)

    def _approximate(self, quote: str, mapped_start: int, mapped_end: int) -> Placement:
        """The lightly edited passage: first where the diff maps it, else the best match of
        the quote's length anywhere in the body."""
        cutoff = FUZZY_SIMILARITY * 100
        candidates: list[tuple[float, int, int]] = []
        if mapped_end > mapped_start:
            score = fuzz.ratio(quote, self.new[mapped_start:mapped_end])
            if score >= cutoff:
                candidates.append((score, mapped_start, mapped_end))
        if not candidates:
            alignment = fuzz.partial_ratio_alignment(quote, self.new, score_cutoff=cutoff)
            if alignment is not None and alignment.dest_end > alignment.dest_start:
                candidates.append((alignment.score, alignment.dest_start, alignment.dest_end))
        if not candidates:
            return Placement(ORPHANED, None, similarity=0.0)
        score, new_start, new_end = max(candidates)
        return Placement(FUZZY, anchor_at(self.new, new_start, new_end), similarity=score / 100)
