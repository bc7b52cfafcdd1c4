from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Article")


@_attrs_define
class Article:
    """``workspace``: a slug, fixed at creation, defaulting to the user's only workspace.

    Attributes:
        id (UUID):
        workspace (str): Slug of the workspace. May be omitted by a user who belongs to exactly one.
        url (None | str):
        title (str):
        publisher (str):
        byline (str):
        published_at (datetime.datetime | None):
        language (str):
        body (str): Stored in Unicode NFC with \\n line endings; offsets refer to it.
        revision (int): Number of the body's current revision.
        created_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        span_count (int):
        claim_count (int):
    """

    id: UUID
    workspace: str
    url: None | str
    title: str
    publisher: str
    byline: str
    published_at: datetime.datetime | None
    language: str
    body: str
    revision: int
    created_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    span_count: int
    claim_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        workspace = self.workspace

        url: None | str
        url = self.url

        title = self.title

        publisher = self.publisher

        byline = self.byline

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        language = self.language

        body = self.body

        revision = self.revision

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        span_count = self.span_count

        claim_count = self.claim_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "workspace": workspace,
                "url": url,
                "title": title,
                "publisher": publisher,
                "byline": byline,
                "published_at": published_at,
                "language": language,
                "body": body,
                "revision": revision,
                "created_by": created_by,
                "created_at": created_at,
                "updated_at": updated_at,
                "span_count": span_count,
                "claim_count": claim_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        workspace = d.pop("workspace")

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        title = d.pop("title")

        publisher = d.pop("publisher")

        byline = d.pop("byline")

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        language = d.pop("language")

        body = d.pop("body")

        revision = d.pop("revision")

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        span_count = d.pop("span_count")

        claim_count = d.pop("claim_count")

        article = cls(
            id=id,
            workspace=workspace,
            url=url,
            title=title,
            publisher=publisher,
            byline=byline,
            published_at=published_at,
            language=language,
            body=body,
            revision=revision,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
            span_count=span_count,
            claim_count=claim_count,
        )

        article.additional_properties = d
        return article

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
