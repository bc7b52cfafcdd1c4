"""An archive of published fact-checks read for import: schema.org ClaimReviews (JSON-LD, as
``claimreview`` writes them and as other fact-checkers publish them) or CSV rows.

Pure reading: :func:`archive_items` finds the items of a document (one ClaimReview, a list,
a DataFeed as this API's feed publishes them); :func:`read_claim_review` and
:meth:`CsvHeader.read` turn an item into an :class:`ArchivedFactCheck`, or say, field by
field, why they cannot. Values are checked by the validators of the model fields that will
keep them, so that what is read can be stored without another check.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db.models import Field, Model
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import slugify

from annotations.claims.models import Claim
from annotations.review.models import Rating, Verdict

CSV_COLUMNS = ("claim", "claimant", "date", "rating", "url", "headline")
"""The columns the header row of a CSV archive names, in any order and case."""
CSV_OPTIONAL_COLUMNS = ("claim_date", "publisher", "publisher_url", "language")
"""Columns a CSV archive may add; any other column is ignored."""
SCHEMA_ORG_PREFIXES = ("https://schema.org/", "http://schema.org/", "schema:")
NO_EXPLANATION = "Imported without an explanation: see the fact-check at {url}"
"""The explanation of a fact-check whose ClaimReview has neither a reviewBody nor a headline
(a published verdict needs one)."""
DATE_FORMAT_HELP = "Enter an ISO 8601 date (2024-06-14) or date-time (2024-06-14T09:30:00Z)."

ErrorList = list[tuple[str, str, str]]
"""(field, code, message) of each error; the field a dotted path within the item, ``""`` for
the item as a whole."""


@dataclass(frozen=True)
class ArchivedFactCheck:
    """A published fact-check read from an archive: a claim, and its verdict as published."""

    url: str
    claim: str
    claimant: str
    claim_date: date | None
    language: str
    rating: str
    published_at: datetime
    explanation: str
    headline: str
    publisher_name: str
    publisher_url: str


class Rejected(Exception):
    """Why an item of an archive cannot be imported: each field at fault."""

    def __init__(self, errors: ErrorList) -> None:
        super().__init__("; ".join(f"{field or 'item'}: {message}" for field, _, message in errors))
        self.errors = errors


Entry = ArchivedFactCheck | Rejected
"""An item of an archive as read: the fact-check, or why it cannot be imported."""


def is_type(value: Any, name: str) -> bool:
    """Whether a JSON-LD ``@type`` (a term, a schema.org IRI, or a list of them) is ``name``."""
    for kind in value if isinstance(value, list) else [value]:
        if isinstance(kind, str):
            for prefix in SCHEMA_ORG_PREFIXES:
                kind = kind.removeprefix(prefix)
            if kind == name:
                return True
    return False


def _unwrapped(item: Any) -> Any:
    """A DataFeedItem's ``item``; anything else as it is."""
    if isinstance(item, dict) and is_type(item.get("@type"), "DataFeedItem") and "item" in item:
        return item["item"]
    return item


def archive_items(document: Any) -> list[Any]:
    """The items of a JSON-LD archive: a ClaimReview; a list of them; a schema.org DataFeed
    whose ``dataFeedElement`` holds them (or DataFeedItems whose ``item`` is one), as this
    API's feed is; or a document whose ``@graph`` holds them. Raises ``ValidationError``
    naming the field at fault. JSON-LD is read as plain JSON in the schema.org vocabulary:
    no ``@context`` is fetched or expanded."""
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        raise ValidationError(
            "Expected a ClaimReview, a list of ClaimReviews or a DataFeed of them (a JSON "
            f"object or list), not {type(document).__name__}."
        )
    key = next((key for key in ("dataFeedElement", "@graph") if key in document), None)
    if key is None and is_type(document.get("@type"), "DataFeed"):
        key = "dataFeedElement"
    if key is None:
        return [document]
    items = document.get(key, [])
    if not isinstance(items, list):
        raise ValidationError({key: "Expected a list of ClaimReviews."})
    return [_unwrapped(item) for item in items]


def rating_slug(name: str) -> str:
    """The slug of a rating made for ``name``: Django's slug of it, or for a name with no
    ASCII letter or digit (``خطأ``), one made of its hash."""
    slug = slugify(name)[:64].strip("-_")
    return slug or "rating-" + hashlib.sha256(name.casefold().encode()).hexdigest()[:12]


def _field(model: type[Model], name: str) -> Field[Any, Any]:
    """A column of ``model``, whose validators check what is read for it."""
    return cast("Field[Any, Any]", model._meta.get_field(name))


class _Reader:
    """The values of one item, checked as the model fields that keep them check them; every
    error is collected, not only the first."""

    def __init__(self) -> None:
        self.errors: ErrorList = []

    def fail(self, field: str, code: str, message: str) -> None:
        self.errors.append((field, code, message))

    def node(self, field: str, value: Any) -> dict[str, Any]:
        """An object, or the first object of a list; ``{}`` when there is none."""
        if isinstance(value, list):
            value = next((each for each in value if isinstance(each, dict)), value or None)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(field, "invalid", f"Expected an object, not {type(value).__name__}.")
            return {}
        return value

    def text(
        self,
        field: str,
        value: Any,
        column: Field[Any, Any] | None = None,
        *,
        required: bool = False,
    ) -> str:
        """A string, trimmed; checked by the validators of ``column`` (length, URL, ...)."""
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(field, "invalid", f"Expected a string, not {type(value).__name__}.")
            return ""
        value = value.strip()
        if "\x00" in value:
            self.fail(field, "null_characters_not_allowed", "Null characters are not allowed.")
            return ""
        if not value:
            if required:
                self.fail(field, "required", "This field is required.")
            return ""
        try:
            if column is not None:
                column.run_validators(value)
        except ValidationError as exc:
            for error in exc.error_list:
                self.fail(field, error.code or "invalid", " ".join(error.messages))
            return ""
        return value

    def names(self, field: str, value: Any) -> str:
        """The ``name`` of a Person or Organization, or a name; of a list of them, their names
        joined by commas."""
        names = []
        for node in value if isinstance(value, list) else [value]:
            name = node.get("name") if isinstance(node, dict) else node
            names.append(self.text(f"{field}.name", name))
        return ", ".join(name for name in names if name)

    def moment(self, field: str, value: Any, *, required: bool = False) -> datetime | None:
        """An ISO 8601 date-time (a time zone's offset, else the current time zone), or a
        date: the start of that day in the current time zone."""
        text = self.text(field, value, required=required)
        if not text:
            return None
        try:
            day = parse_date(text)
            moment = datetime.combine(day, time()) if day is not None else parse_datetime(text)
            if moment is not None:
                if timezone.is_naive(moment):
                    moment = timezone.make_aware(moment)
                moment.astimezone(UTC)  # Raises OverflowError before year 1 or after 9999.
                return moment
        except (ValueError, OverflowError):
            pass
        self.fail(field, "invalid", DATE_FORMAT_HELP)
        return None

    def day(self, field: str, value: Any) -> date | None:
        """An ISO 8601 date, or the date of a date-time as written."""
        text = self.text(field, value)
        if not text:
            return None
        try:
            day = parse_date(text)
            moment = parse_datetime(text) if day is None else None
        except ValueError:
            day = moment = None
        if day is None and moment is None:
            self.fail(field, "invalid", DATE_FORMAT_HELP)
            return None
        return day or (moment.date() if moment is not None else None)

    def language(self, field: str, value: Any) -> str:
        """A BCP 47 tag (a schema.org Language's ``alternateName``); the claims' default
        language when there is none."""
        if isinstance(value, dict):
            value = value.get("alternateName")
        column = _field(Claim, "language")
        return self.text(field, value, column) or str(column.default)

    def fact_check(self, **values: Any) -> ArchivedFactCheck:
        """The fact-check of the values read, or ``Rejected`` with every error found."""
        if self.errors:
            raise Rejected(self.errors)
        if not values["explanation"]:
            values["explanation"] = NO_EXPLANATION.format(url=values["url"])
        return ArchivedFactCheck(**values)


def _publisher(read: _Reader, item: dict[str, Any]) -> tuple[str, str]:
    """The name and url of the review's ``author`` (else its ``publisher``): the
    fact-checking organisation."""
    key = "author" if item.get("author") is not None else "publisher"
    value = item.get(key)
    if isinstance(value, str):
        return read.text(key, value, _field(Verdict, "publisher_name")), ""
    node = read.node(key, value)
    return (
        read.text(f"{key}.name", node.get("name"), _field(Verdict, "publisher_name")),
        read.text(f"{key}.url", node.get("url"), _field(Verdict, "publisher_url")),
    )


def read_claim_review(item: Any) -> ArchivedFactCheck:
    """The fact-check of a ClaimReview (as ``claimreview.claim_review`` writes them), or
    ``Rejected`` naming each field at fault."""
    if not isinstance(item, dict):
        raise Rejected(
            [("", "invalid", f"Expected a ClaimReview object, not {type(item).__name__}.")]
        )
    if "@type" in item and not is_type(item["@type"], "ClaimReview"):
        raise Rejected([("@type", "invalid", "Not a ClaimReview.")])
    read = _Reader()
    reviewed = read.node("itemReviewed", item.get("itemReviewed"))
    rating = read.node("reviewRating", item.get("reviewRating"))
    publisher_name, publisher_url = _publisher(read, item)
    headline = read.text("headline", item.get("headline"))
    return read.fact_check(
        url=read.text("url", item.get("url"), _field(Claim, "review_url"), required=True),
        claim=read.text("claimReviewed", item.get("claimReviewed"), required=True),
        claimant=read.text(
            "itemReviewed.author.name",
            read.names("itemReviewed.author", reviewed.get("author")),
            _field(Claim, "claimant"),
        ),
        claim_date=read.day("itemReviewed.datePublished", reviewed.get("datePublished")),
        language=read.language("inLanguage", item.get("inLanguage")),
        rating=read.text(
            "reviewRating.alternateName",
            rating.get("alternateName"),
            _field(Rating, "label"),
            required=True,
        ),
        published_at=read.moment("datePublished", item.get("datePublished"), required=True),
        explanation=read.text("reviewBody", item.get("reviewBody")) or headline,
        headline=headline,
        publisher_name=publisher_name,
        publisher_url=publisher_url,
    )


def read_each(read: Callable[[Any], ArchivedFactCheck], items: Iterable[Any]) -> list[Entry]:
    """Each item read by ``read``: its fact-check, or why it cannot be imported."""
    entries: list[Entry] = []
    for item in items:
        try:
            entries.append(read(item))
        except Rejected as rejected:
            entries.append(rejected)
    return entries


@dataclass(frozen=True)
class CsvHeader:
    """What the header row of a CSV archive says: where each column is, and how many."""

    columns: dict[str, int]
    width: int

    @classmethod
    def of(cls, rows: list[list[str]]) -> CsvHeader:
        """The header of a CSV archive's ``rows`` (the first). Raises ``ValidationError``
        naming each column missing or named twice."""
        if not rows or not any(cell.strip() for cell in rows[0]):
            raise ValidationError(
                "A CSV archive begins with a header row naming its columns: "
                f"{', '.join(CSV_COLUMNS)}."
            )
        names = [cell.strip().lower() for cell in rows[0]]
        known = (*CSV_COLUMNS, *CSV_OPTIONAL_COLUMNS)
        errors = {name: f"The header row has no {name} column." for name in CSV_COLUMNS}
        errors = {name: message for name, message in errors.items() if name not in names}
        errors |= {
            name: f"The header row names the {name} column more than once."
            for name in known
            if names.count(name) > 1
        }
        if errors:
            raise ValidationError(errors)
        return cls({name: names.index(name) for name in known if name in names}, len(names))

    def rows(self, rows: list[list[str]]) -> list[list[str]]:
        """The rows after the header that are not blank."""
        return [row for row in rows[1:] if any(cell.strip() for cell in row)]

    def read(self, cells: list[str]) -> ArchivedFactCheck:
        """The fact-check of a row, or ``Rejected`` naming each column at fault."""
        if any(cell.strip() for cell in cells[self.width :]):
            raise Rejected(
                [("", "invalid", f"The row has {len(cells)} cells; the header names {self.width}.")]
            )

        def cell(name: str) -> str:
            index = self.columns.get(name)
            return cells[index] if index is not None and index < len(cells) else ""

        read = _Reader()
        headline = read.text("headline", cell("headline"))
        return read.fact_check(
            url=read.text("url", cell("url"), _field(Claim, "review_url"), required=True),
            claim=read.text("claim", cell("claim"), required=True),
            claimant=read.text("claimant", cell("claimant"), _field(Claim, "claimant")),
            claim_date=read.day("claim_date", cell("claim_date")),
            language=read.language("language", cell("language")),
            rating=read.text("rating", cell("rating"), _field(Rating, "label"), required=True),
            published_at=read.moment("date", cell("date"), required=True),
            explanation=headline,
            headline=headline,
            publisher_name=read.text(
                "publisher", cell("publisher"), _field(Verdict, "publisher_name")
            ),
            publisher_url=read.text(
                "publisher_url", cell("publisher_url"), _field(Verdict, "publisher_url")
            ),
        )
