"""The load benchmark's phases (``bench/load.py``): what each phase requests, built from what
``bench/seed.py`` seeded, and a check that the seeded data are what the read phases expect.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from common import seeded_random
from load_client import Call, Client, Phase

SEED = 20250611
BULK_SIZE = 1_000
SPAN_SIZES = (20, 200)


class Passages:
    """Distinct random ``[start, end)`` passages of one body, handed out thread-safely."""

    def __init__(self, seed: int, length: int) -> None:
        self.rng = seeded_random(seed)
        self.length = length
        self.used: set[tuple[int, int]] = set()
        self.lock = threading.Lock()

    def take(self, count: int = 1) -> list[tuple[int, int]]:
        taken: list[tuple[int, int]] = []
        with self.lock:
            while len(taken) < count:
                size = self.rng.randint(*SPAN_SIZES)
                start = self.rng.randrange(self.length - size)
                if (start, start + size) not in self.used:
                    self.used.add((start, start + size))
                    taken.append((start, start + size))
        return taken


class WriteCalls:
    """The requests of the write phases: ``method(n, client)`` builds request ``n``, sent by
    client number ``client``."""

    def __init__(self, seeded: dict[str, Any], options: argparse.Namespace) -> None:
        self.workspace = seeded["workspace"]
        self.sample = seeded["sample"]
        self.annotator = seeded["tokens"]["annotator"]
        self.reviewers = seeded["tokens"]["reviewers"]
        self.run = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        self.single = seeded["span_articles"]
        self.single_passages = [
            Passages(SEED + i, target["length"]) for i, target in enumerate(self.single)
        ]
        bulk = seeded["bulk_articles"]
        if options.bulk > len(bulk):
            sys.exit(
                f"load: --bulk {options.bulk}, but only {len(bulk)} articles were seeded for it"
            )
        # Built before the phase, so that building 1,000 spans is not timed.
        self.bulk_bodies = [
            [
                {"article": target["id"], "start": start, "end": end}
                for start, end in Passages(SEED * 7 + i, target["length"]).take(BULK_SIZE)
            ]
            for i, target in enumerate(bulk[: options.bulk])
        ]
        self.claims = seeded["review_claims"]
        self.pairs = [(r, c) for r in range(len(self.reviewers)) for c in range(len(self.claims))]
        seeded_random(SEED).shuffle(self.pairs)
        if options.verdicts > len(self.pairs):
            sys.exit(f"load: --verdicts {options.verdicts}, but only {len(self.pairs)} pairs exist")
        self.ratings = seeded["ratings"]

    def article(self, n: int, client: int) -> Call:
        return Call(
            "POST",
            "/api/v1/articles/",
            {
                "workspace": self.workspace,
                "title": f"{self.sample['title']} (load {n})",
                "url": f"https://bench.example/load/{self.run}/{n}",
                "publisher": "Sample wire copy",
                "language": "en",
                "body": self.sample["body"],
            },
            self.annotator,
        )

    def span(self, n: int, client: int) -> Call:
        """One span on the client's own long article."""
        which = client % len(self.single)
        ((start, end),) = self.single_passages[which].take()
        body = {"article": self.single[which]["id"], "start": start, "end": end}
        return Call("POST", "/api/v1/spans/", body, self.annotator)

    def bulk_spans(self, n: int, client: int) -> Call:
        return Call("POST", "/api/v1/spans/bulk/", self.bulk_bodies[n], self.annotator)

    def verdict(self, n: int, client: int) -> Call:
        """Never the same reviewer and claim twice."""
        reviewer, claim = self.pairs[n]
        body = {
            "claim": self.claims[claim],
            "rating": self.ratings[n % len(self.ratings)],
            "explanation": "Checked against the official record.",
            "sources": [{"url": "https://www.nato.int/", "title": "NATO"}],
        }
        return Call("POST", "/api/v1/verdicts/", body, self.reviewers[reviewer])


def make_phases(seeded: dict[str, Any], options: argparse.Namespace) -> list[Phase]:
    tokens = seeded["tokens"]
    annotator, editor = tokens["annotator"], tokens["editor"]
    one_shot = seeded["one_shot"]["article"]
    reads: dict[str, Any] = {"warmup": options.warmup}
    if options.read_requests:
        reads["count"] = options.read_requests
    else:
        reads["seconds"] = options.read_seconds
    writes = WriteCalls(seeded, options)
    claim_filters = urlencode({"article": one_shot, "status": "in_review"})
    return [
        Phase(
            "baseline",
            "read",
            "GET /healthz (no database)",
            lambda n, c: Call("GET", "/healthz"),
            **reads,
        ),
        Phase(
            "api-floor",
            "read",
            "GET /api/v1/me/ (the cheapest authenticated API request)",
            lambda n, c: Call("GET", "/api/v1/me/", token=annotator),
            **reads,
        ),
        Phase(
            "create-articles",
            "write",
            "POST /api/v1/articles/",
            writes.article,
            count=options.articles,
        ),
        Phase("create-spans", "write", "POST /api/v1/spans/", writes.span, count=options.spans),
        Phase(
            "bulk-spans",
            "write",
            f"POST /api/v1/spans/bulk/ ({BULK_SIZE:,} spans)",
            writes.bulk_spans,
            count=options.bulk,
        ),
        Phase(
            "one-shot",
            "read",
            "GET /api/v1/articles/{id}/annotations/",
            lambda n, c: Call("GET", f"/api/v1/articles/{one_shot}/annotations/", token=annotator),
            **reads,
        ),
        Phase(
            "span-list",
            "read",
            "GET /api/v1/spans/?article={id}",
            lambda n, c: Call("GET", f"/api/v1/spans/?article={one_shot}", token=annotator),
            **reads,
        ),
        Phase(
            "claim-list",
            "read",
            "GET /api/v1/claims/?article={id}&status=in_review",
            lambda n, c: Call("GET", f"/api/v1/claims/?{claim_filters}", token=editor),
            **reads,
        ),
        Phase(
            "create-verdicts",
            "write",
            "POST /api/v1/verdicts/",
            writes.verdict,
            count=options.verdicts,
        ),
        Phase(
            "claimreview-feed",
            "read",
            "GET /api/v1/claimreviews/ (anonymous)",
            lambda n, c: Call("GET", "/api/v1/claimreviews/", accept="application/ld+json"),
            **reads,
        ),
    ]


def check_data(host: str, port: int, seeded: dict[str, Any]) -> dict[str, Any]:
    """What the read phases will read, checked once: the counts the seed promised."""
    client = Client(host, port, 30)
    one_shot = seeded["one_shot"]
    tokens = seeded["tokens"]

    def get(path: str, token: str | None) -> Any:
        status, body, _ = client.send(Call("GET", path, token=token), "check")
        if status != 200:
            sys.exit(f"load: GET {path} answered {status}: {body[:300]!r}")
        return json.loads(body)

    view = get(f"/api/v1/articles/{one_shot['article']}/annotations/", tokens["annotator"])
    spans = get(f"/api/v1/spans/?article={one_shot['article']}", tokens["annotator"])
    filters = urlencode({"article": one_shot["article"], "status": "in_review"})
    claims = get(f"/api/v1/claims/?{filters}", tokens["editor"])
    feed = get("/api/v1/claimreviews/", None)
    client.close()
    found = {
        "one_shot": {key: len(view[key]) for key in ("spans", "claims", "verdicts")},
        "span_list": {"count": spans["count"], "page": len(spans["results"])},
        "claim_list": {"count": claims["count"]},
        "claimreview_feed": {"entries": len(feed.get("dataFeedElement", []))},
    }
    expected = {
        "one_shot": {key: one_shot[key] for key in ("spans", "claims", "verdicts")},
        "span_list": {"count": one_shot["spans"], "page": one_shot["spans"]},
        "claim_list": {"count": one_shot["statuses"]["in_review"]},
        "claimreview_feed": {"entries": seeded["feed_entries"]},
    }
    if found != expected:
        sys.exit(f"load: the seeded data is not as expected: {found} != {expected}")
    return found
