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
from django.db import models
from rapidfuzz import fuzz
from rapidfuzz.distance import Postfix, Prefix

from annotations.articles.text import Anchor, Utf16Offsets, anchor_at, occurrences

FUZZY_SIMILARITY = 0.8
"""How similar (normalised Indel similarity, 0 to 1) a lightly edited passage must remain
to its old quote to be taken as the same passage."""

DIFF_TIMEOUT_SECONDS = 0.5
"""diff-match-patch stops refining a diff after this long; a coarser diff only means fewer
spans are shifted exactly and more are found by searching."""


class AnchorState(models.TextChoices):
    """How a span was placed in its article's current body after the body last changed;
    see ``annotations.articles.reanchor``."""

    ANCHORED = "anchored", "Anchored"
    MOVED = "moved", "Moved"
    FUZZY = "fuzzy", "Fuzzy"
    ORPHANED = "orphaned", "Orphaned"


ANCHORED, MOVED, FUZZY, ORPHANED = AnchorState.values


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
        self._utf16 = Utf16Offsets(new)

    def _anchor(self, start: int, end: int) -> Anchor:
        return anchor_at(self.new, start, end, self._utf16)

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
        # Where the same text repeats next to the passage, the diff may have put the edit on
        # either side of it; the quote standing at either mapped edge is the passage.
        for at in (mapped_start, mapped_end - len(quote)):
            if at >= 0 and self.new.startswith(quote, at):
                return Placement(ANCHORED, self._anchor(at, at + len(quote)))
        found = occurrences(self.new, quote)
        if found:
            best = max(
                found, key=lambda at: self._fit(at, at + len(quote), prefix, suffix, mapped_start)
            )
            return Placement(MOVED, self._anchor(best, best + len(quote)))
        return self._similar_in_place(quote, mapped_start, mapped_end) or self._approximate(quote)

    def _fit(self, start: int, end: int, prefix: str, suffix: str, near: int) -> tuple[int, int]:
        """How well a passage at ``[start, end)`` fits: characters of context that match,
        then nearness to where the diff put the passage."""
        before = self.new[max(0, start - len(prefix)) : start]
        after = self.new[end : end + len(suffix)]
        context = Postfix.similarity(before, prefix) + Prefix.similarity(after, suffix)
        return context, -abs(start - near)

    def _similar_in_place(self, quote: str, mapped_start: int, mapped_end: int) -> Placement | None:
        """The text the diff maps the passage to, if it is a light edit of the quote."""
        if mapped_end <= mapped_start:
            return None
        score = fuzz.ratio(quote, self.new[mapped_start:mapped_end]) / 100
        if score < FUZZY_SIMILARITY:
            return None
        return Placement(FUZZY, self._anchor(mapped_start, mapped_end), similarity=score)

    def _approximate(self, quote: str) -> Placement:
        """The best match of the quote's length anywhere in the body, if similar enough."""
        alignment = fuzz.partial_ratio_alignment(
            quote, self.new, score_cutoff=FUZZY_SIMILARITY * 100
        )
        if alignment is None or alignment.dest_end <= alignment.dest_start:
            return Placement(ORPHANED, None, similarity=0.0)
        return Placement(
            FUZZY,
            self._anchor(alignment.dest_start, alignment.dest_end),
            similarity=alignment.score / 100,
        )
