"""Examples for the OpenAPI schema, drawn from the demo article so they fit together."""

import hashlib
from collections.abc import Mapping

from drf_spectacular.utils import OpenApiExample

from annotations.articles.text import find_quote
from annotations.demo import DEMO_CLAIMS, demo_article_text

_TITLE, _BODY = demo_article_text()
_ANCHOR = find_quote(_BODY, DEMO_CLAIMS[0].quote)

ARTICLE_ID = "0ab57f47-dafd-47e1-ab96-02a7db8abc41"
SPAN_ID = "5b1d0c8e-2f44-4a57-9d6b-0f3f1e9b7c21"
EDITED_SPAN_ID = "7d2e5f10-3c4b-4a9d-8e1f-2b6c9a0d4e37"
CLAIM_ID = "9e7c4c1a-6d0b-4f8e-8a8e-3d2f7b6a1c55"
VERDICT_ID = "c2a9d7e4-1b3f-4e6a-9c8d-7f5e4d3c2b10"
TIMESTAMP = "2024-06-14T09:30:00Z"

ARTICLE = {
    "id": ARTICLE_ID,
    "workspace": "newsroom",
    "url": "https://news.example/2024/06/stoltenberg-ukraine-nato",
    "title": _TITLE,
    "publisher": "Sample wire copy",
    "byline": "",
    "published_at": "2024-06-13T12:00:00Z",
    "language": "en",
    "body": _BODY,
    "revision": 1,
    "created_by": "demo-annotator",
    "created_at": TIMESTAMP,
    "updated_at": TIMESTAMP,
    "span_count": 4,
    "claim_count": 4,
}
SPAN = {
    "id": SPAN_ID,
    "article": ARTICLE_ID,
    "start": _ANCHOR.start,
    "end": _ANCHOR.end,
    "start_utf16": _ANCHOR.start_utf16,
    "end_utf16": _ANCHOR.end_utf16,
    "quote": _ANCHOR.quote,
    "prefix": _ANCHOR.prefix,
    "suffix": _ANCHOR.suffix,
    "note": "Date of the application.",
    "revision": 1,
    "anchor_state": "anchored",
    "created_by": "demo-annotator",
    "created_at": TIMESTAMP,
    "updated_at": TIMESTAMP,
}
CLAIM = {
    "id": CLAIM_ID,
    "workspace": "newsroom",
    "text": DEMO_CLAIMS[0].text,
    "claimant": DEMO_CLAIMS[0].claimant,
    "claim_date": "2024-06-13",
    "language": "en",
    "review_url": "",
    "spans": [SPAN_ID],
    "articles": [ARTICLE_ID],
    "group": None,
    "status": "published",
    "verdict_count": 1,
    "created_by": "demo-annotator",
    "created_at": TIMESTAMP,
    "updated_at": TIMESTAMP,
}
VERDICT = {
    "id": VERDICT_ID,
    "claim": CLAIM_ID,
    "reviewer": "demo-reviewer",
    "rating": "true",
    "explanation": "Ukraine applied for accelerated membership on 30 September 2022.",
    "sources": [
        {
            "url": "https://www.nato.int/cps/en/natohq/topics_37750.htm",
            "title": "NATO: Relations with Ukraine",
        }
    ],
    "state": "published",
    "submitted_at": TIMESTAMP,
    "published_at": TIMESTAMP,
    "publisher_name": "",
    "publisher_url": "",
    "created_at": TIMESTAMP,
    "updated_at": TIMESTAMP,
}


def example(name: str, value: Mapping[str, object], writable: list[str]) -> list[OpenApiExample]:
    """A response example and a request example made of the ``writable`` fields."""
    return [
        OpenApiExample(name, value=value, response_only=True),
        OpenApiExample(name, value={key: value[key] for key in writable}, request_only=True),
    ]


ARTICLE_EXAMPLES = example(
    "Article", ARTICLE, ["url", "title", "publisher", "published_at", "language", "body"]
)
SPAN_EXAMPLES = [
    OpenApiExample("Span", value=SPAN, response_only=True),
    OpenApiExample(
        "By offsets",
        value={"article": ARTICLE_ID, "start": SPAN["start"], "end": SPAN["end"]},
        request_only=True,
    ),
    OpenApiExample(
        "By quote",
        description="The server finds the quote; prefix and suffix choose among repeats.",
        value={"article": ARTICLE_ID, "quote": "the alliance", "suffix": " as a whole"},
        request_only=True,
    ),
]
REVISION = {
    "number": 1,
    "created_at": TIMESTAMP,
    "created_by": "demo-annotator",
    "body_sha256": hashlib.sha256(_BODY.encode("utf-8")).hexdigest(),
    "length": len(_BODY),
}
REVISION_EXAMPLES = [
    OpenApiExample("Revision", value={**REVISION, "body": _BODY}, response_only=True)
]
REVISION_LIST_EXAMPLES = [OpenApiExample("Revisions", value=REVISION, response_only=True)]
CORRECTED_ARTICLE = OpenApiExample(
    "Corrected article",
    description="A change of body: the response reports how the spans were re-anchored.",
    value={
        **ARTICLE,
        "revision": 2,
        "reanchoring": {
            "revision": 2,
            "counts": {"anchored": 2, "moved": 1, "fuzzy": 1, "orphaned": 0},
            "spans": {"moved": [SPAN_ID], "fuzzy": [EDITED_SPAN_ID], "orphaned": []},
        },
    },
    response_only=True,
)
CORRECTED_ARTICLE_EXAMPLES = [
    CORRECTED_ARTICLE,
    OpenApiExample(
        "Correction",
        value={"body": _BODY + "\n\nCorrection: an earlier version misstated the date."},
        request_only=True,
    ),
]
REPLACED_ARTICLE_EXAMPLES = [
    CORRECTED_ARTICLE,
    *(example for example in ARTICLE_EXAMPLES if example.request_only),
]
SIMILAR_CLAIM = {
    "id": CLAIM_ID,
    "text": DEMO_CLAIMS[0].text,
    "claimant": DEMO_CLAIMS[0].claimant,
    "claim_date": "2024-06-13",
    "group": None,
    "score": 0.9412,
    "explanation": {
        "terms": [
            {"term": "ukrain", "weight": 1.2571},
            {"term": "nato", "weight": 1.1893},
            {"term": "appli", "weight": 0.9802},
            {"term": "septemb", "weight": 0.8714},
            {"term": "2022", "weight": 0.4127},
        ],
        "stages": {"lexical": 4.7107, "semantic": None},
    },
    "published_verdict": {
        "id": VERDICT_ID,
        "claim": CLAIM_ID,
        "rating": "true",
        "rating_label": "True",
        "published_at": TIMESTAMP,
    },
}
SIMILAR_CLAIMS_EXAMPLES = [
    OpenApiExample(
        "Checked before",
        # One item: drf-spectacular shows a list operation's example as a list of it.
        value=SIMILAR_CLAIM,
        response_only=True,
    )
]
CLAIM_LINK_EXAMPLES = [
    OpenApiExample(
        "Same claim", value={"other": "4f3c2b1a-0e9d-4c8b-a7f6-5e4d3c2b1a09"}, request_only=True
    ),
    OpenApiExample(
        "Linked",
        value={**CLAIM, "group": "0d6e3f2a-9b8c-4d7e-8f1a-2b3c4d5e6f70"},
        response_only=True,
    ),
]
SEARCH_EXAMPLES = [
    OpenApiExample(
        "Hits",
        value={
            "type": "article",
            "id": ARTICLE_ID,
            "title": _TITLE,
            "snippet": "Ukraine formally <mark>applied</mark> to join the US-led alliance in "
            "September 2022, citing its ongoing armed conflict with Russia.",
            "score": 0.0759,
            "language": "en",
            "date": "2024-06-13",
            "publisher": "Sample wire copy",
        },
        response_only=True,
    )
]
CLAIM_EXAMPLES = example("Claim", CLAIM, ["text", "claimant", "claim_date", "spans"])
CLAIM_CREATED_EXAMPLES = [
    OpenApiExample(
        "Created claim",
        description="A new claim, and an existing one it may duplicate.",
        value={
            **CLAIM,
            "id": "0b5c3d1e-6f4a-4c2b-9e8d-7a6b5c4d3e2f",
            "text": "Ukraine applied to join NATO in September 2022, its president said.",
            "status": "unreviewed",
            "verdict_count": 0,
            "similar_claims": [SIMILAR_CLAIM],
        },
        response_only=True,
    )
]
VERDICT_EXAMPLES = example("Verdict", VERDICT, ["claim", "rating", "explanation", "sources"])
RATING_EXAMPLES = example(
    "Rating",
    {"slug": "satire", "label": "Satire", "description": "Not meant as fact.", "value": None},
    ["slug", "label", "description", "value"],
)
MEMBERSHIP_EXAMPLES = example(
    "Member",
    {"username": "demo-reviewer", "role": "reviewer", "created_at": TIMESTAMP},
    ["username", "role"],
)
WORKSPACE = {"slug": "newsroom", "name": "Newsroom", "role": "editor"}
WORKSPACE_EXAMPLES = [OpenApiExample("Workspace", value=WORKSPACE, response_only=True)]
ME_EXAMPLES = [
    OpenApiExample(
        "Editor",
        value={"username": "demo-editor", "roles": ["editor"], "workspaces": [WORKSPACE]},
        response_only=True,
    )
]
ANNOTATIONS_EXAMPLES = [
    OpenApiExample(
        "Annotated article",
        value={"article": ARTICLE, "spans": [SPAN], "claims": [CLAIM], "verdicts": [VERDICT]},
        response_only=True,
    )
]
AGREEMENT_EXAMPLES = [
    OpenApiExample(
        "Agreement",
        value={
            "nominal": {"alpha": 0.743, "claims": 9, "verdicts": 30},
            "ordinal": {"alpha": 0.815, "claims": 9, "verdicts": 28},
            "pairs": [
                {
                    "reviewer_a": "demo-reviewer",
                    "reviewer_b": "demo-reviewer-2",
                    "common_claims": 8,
                    "kappa": 0.64,
                }
            ],
        },
        response_only=True,
    )
]
HISTORY_EXAMPLES = [
    OpenApiExample(
        "Changed",
        value={
            "history_id": 42,
            "action": "changed",
            "at": TIMESTAMP,
            "user": "demo-editor",
            "request_id": "5f0c6a4e9d2b4c1f8e7a6b5c4d3e2f10",
            "changes": [
                {"field": "rating", "before": "mostly-true", "after": "true"},
            ],
        },
        response_only=True,
    )
]
WEB_ANNOTATION = {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    "id": f"https://factcheck.example/api/v1/spans/{SPAN_ID}/",
    "type": "Annotation",
    "created": TIMESTAMP,
    "modified": TIMESTAMP,
    "creator": {"type": "Person", "nickname": "demo-annotator"},
    "body": [
        {
            "type": "TextualBody",
            "value": SPAN["note"],
            "format": "text/plain",
            "purpose": "commenting",
        },
        {"id": f"https://factcheck.example/api/v1/claims/{CLAIM_ID}/", "purpose": "linking"},
    ],
    "target": {
        "source": ARTICLE["url"],
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": SPAN["quote"],
                "prefix": SPAN["prefix"],
                "suffix": SPAN["suffix"],
            },
            {"type": "TextPositionSelector", "start": SPAN["start"], "end": SPAN["end"]},
        ],
        "state": {
            "id": "urn:sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
        },
    },
}
ANNOTATION_PAGE = {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    "id": f"https://factcheck.example/api/v1/articles/{ARTICLE_ID}/annotations/w3c/",
    "type": "AnnotationPage",
    "items": [{key: value for key, value in WEB_ANNOTATION.items() if key != "@context"}],
}


def for_media_types(
    name: str, value: Mapping[str, object], *media_types: str
) -> list[OpenApiExample]:
    return [
        OpenApiExample(name, value=value, response_only=True, media_type=media_type)
        for media_type in media_types
    ]


IMPORT_EXAMPLES = [
    OpenApiExample(
        "Import",
        value={
            "article": ARTICLE_ID,
            "annotations": [
                {k: v for k, v in WEB_ANNOTATION.items() if k not in ("@context", "creator")}
            ],
        },
        request_only=True,
    ),
    OpenApiExample(
        "Report",
        value={
            "results": [
                {"index": 0, "id": "urn:x:1", "status": "created", "span": SPAN_ID, "reason": ""},
                {
                    "index": 1,
                    "id": "urn:x:2",
                    "status": "rejected",
                    "span": None,
                    "reason": "The quoted text does not occur in the article body.",
                },
            ]
        },
        response_only=True,
    ),
]
ARCHIVE_REPORT_EXAMPLES = [
    OpenApiExample(
        "Report",
        value={
            "created": 1,
            "exists": 1,
            "rejected": 1,
            "results": [
                {
                    "index": 0,
                    "status": "created",
                    "url": "https://checks.example/2024/06/unemployment",
                    "claim": CLAIM_ID,
                    "errors": [],
                },
                {
                    "index": 1,
                    "status": "exists",
                    "url": "https://checks.example/2024/05/inflation",
                    "claim": "3f6d2a90-8c1e-4b7a-9d5f-1e2c3b4a5d6e",
                    "errors": [],
                },
                {
                    "index": 2,
                    "status": "rejected",
                    "url": "",
                    "claim": None,
                    "errors": [
                        {
                            "field": "2.reviewRating.alternateName",
                            "code": "required",
                            "message": "This field is required.",
                        },
                        {"field": "2.url", "code": "invalid", "message": "Enter a valid URL."},
                    ],
                },
            ],
        },
        response_only=True,
    )
]
