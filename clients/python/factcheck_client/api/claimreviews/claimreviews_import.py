from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.archive_report import ArchiveReport
from ...models.claimreviews_import_json_body_type_0 import ClaimreviewsImportJsonBodyType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ClaimreviewsImportJsonBodyType0 | list[Any] | Unset = UNSET,
    workspace: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(x_request_id, Unset):
        headers["X-Request-ID"] = x_request_id

    params: dict[str, Any] = {}

    params["workspace"] = workspace

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/claimreviews/import/",
        "params": params,
    }

    if isinstance(body, ClaimreviewsImportJsonBodyType0):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/ld+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ArchiveReport | Problem | None:
    if response.status_code == 200:
        response_200 = ArchiveReport.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ArchiveReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ClaimreviewsImportJsonBodyType0 | list[Any] | Unset = UNSET,
    workspace: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[ArchiveReport | Problem]:
    """Import published fact-checks (ClaimReview JSON-LD or CSV)

     An archive of published fact-checks, to match claims against from the start.
    Each item becomes a claim of the workspace (`text`: `claimReviewed`; `claimant`:
    `itemReviewed.author.name`; `claim_date`: `itemReviewed.datePublished`; `review_url`: `url`;
    `language`: `inLanguage`) with a verdict published as it was: `published_at` is
    `datePublished`; the rating is the one whose slug or label `reviewRating.alternateName` is
    (case-insensitively), else one made for it outside the ordinal scale (no value), for staff to
    place; the explanation is `reviewBody`, else `headline`; the one source is the fact-check's
    url, titled with its headline; `publisher_name` and `publisher_url` are the review's
    `author` (else its `publisher`), which the ClaimReview feed then shows as its author. You
    become the claims' creator and the verdicts' reviewer. Editors of the workspace only.

    **Bodies.** `application/ld+json` or `application/json`: a ClaimReview, a list of them, or
    a schema.org DataFeed whose `dataFeedElement` lists them: what `GET /api/v1/claimreviews/`
    and `GET /api/v1/claims/{id}/claimreview/` give, so that one installation's feed imports
    into another unchanged. `text/csv` (UTF-8 unless a `charset` is named): the file itself as
    the body (`curl --data-binary @archive.csv -H 'Content-Type: text/csv'`; multipart forms are
    not taken), with a header row naming `claim`, `claimant`, `date` (when the fact-check was
    published), `rating`, `url` and `headline`, and optionally `claim_date`, `publisher`,
    `publisher_url` and `language`. Dates are ISO 8601; a date alone is the start of that day
    (UTC, the server's time zone).

    **Items.** At most 1000 per request (page through a feed with `?page_size=200`, or use
    `manage.py import_claimreviews` for a whole archive). Idempotent by url: an item whose url a
    claim of the workspace has already (its `review_url`, or its page on this installation) is
    reported `exists` and nothing is changed. Each item is reported `created`, `exists` or
    `rejected` with `errors` naming `<index>.<field>` (the field a path in the ClaimReview, or a
    CSV column); a rejected item does not stop the others. All of it is one transaction.

    Args:
        workspace (str | Unset):
        idempotency_key (str | Unset):
        x_request_id (str | Unset):
        body (ClaimreviewsImportJsonBodyType0 | list[Any] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ArchiveReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        workspace=workspace,
        idempotency_key=idempotency_key,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ClaimreviewsImportJsonBodyType0 | list[Any] | Unset = UNSET,
    workspace: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> ArchiveReport | Problem | None:
    """Import published fact-checks (ClaimReview JSON-LD or CSV)

     An archive of published fact-checks, to match claims against from the start.
    Each item becomes a claim of the workspace (`text`: `claimReviewed`; `claimant`:
    `itemReviewed.author.name`; `claim_date`: `itemReviewed.datePublished`; `review_url`: `url`;
    `language`: `inLanguage`) with a verdict published as it was: `published_at` is
    `datePublished`; the rating is the one whose slug or label `reviewRating.alternateName` is
    (case-insensitively), else one made for it outside the ordinal scale (no value), for staff to
    place; the explanation is `reviewBody`, else `headline`; the one source is the fact-check's
    url, titled with its headline; `publisher_name` and `publisher_url` are the review's
    `author` (else its `publisher`), which the ClaimReview feed then shows as its author. You
    become the claims' creator and the verdicts' reviewer. Editors of the workspace only.

    **Bodies.** `application/ld+json` or `application/json`: a ClaimReview, a list of them, or
    a schema.org DataFeed whose `dataFeedElement` lists them: what `GET /api/v1/claimreviews/`
    and `GET /api/v1/claims/{id}/claimreview/` give, so that one installation's feed imports
    into another unchanged. `text/csv` (UTF-8 unless a `charset` is named): the file itself as
    the body (`curl --data-binary @archive.csv -H 'Content-Type: text/csv'`; multipart forms are
    not taken), with a header row naming `claim`, `claimant`, `date` (when the fact-check was
    published), `rating`, `url` and `headline`, and optionally `claim_date`, `publisher`,
    `publisher_url` and `language`. Dates are ISO 8601; a date alone is the start of that day
    (UTC, the server's time zone).

    **Items.** At most 1000 per request (page through a feed with `?page_size=200`, or use
    `manage.py import_claimreviews` for a whole archive). Idempotent by url: an item whose url a
    claim of the workspace has already (its `review_url`, or its page on this installation) is
    reported `exists` and nothing is changed. Each item is reported `created`, `exists` or
    `rejected` with `errors` naming `<index>.<field>` (the field a path in the ClaimReview, or a
    CSV column); a rejected item does not stop the others. All of it is one transaction.

    Args:
        workspace (str | Unset):
        idempotency_key (str | Unset):
        x_request_id (str | Unset):
        body (ClaimreviewsImportJsonBodyType0 | list[Any] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ArchiveReport | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        workspace=workspace,
        idempotency_key=idempotency_key,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ClaimreviewsImportJsonBodyType0 | list[Any] | Unset = UNSET,
    workspace: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[ArchiveReport | Problem]:
    """Import published fact-checks (ClaimReview JSON-LD or CSV)

     An archive of published fact-checks, to match claims against from the start.
    Each item becomes a claim of the workspace (`text`: `claimReviewed`; `claimant`:
    `itemReviewed.author.name`; `claim_date`: `itemReviewed.datePublished`; `review_url`: `url`;
    `language`: `inLanguage`) with a verdict published as it was: `published_at` is
    `datePublished`; the rating is the one whose slug or label `reviewRating.alternateName` is
    (case-insensitively), else one made for it outside the ordinal scale (no value), for staff to
    place; the explanation is `reviewBody`, else `headline`; the one source is the fact-check's
    url, titled with its headline; `publisher_name` and `publisher_url` are the review's
    `author` (else its `publisher`), which the ClaimReview feed then shows as its author. You
    become the claims' creator and the verdicts' reviewer. Editors of the workspace only.

    **Bodies.** `application/ld+json` or `application/json`: a ClaimReview, a list of them, or
    a schema.org DataFeed whose `dataFeedElement` lists them: what `GET /api/v1/claimreviews/`
    and `GET /api/v1/claims/{id}/claimreview/` give, so that one installation's feed imports
    into another unchanged. `text/csv` (UTF-8 unless a `charset` is named): the file itself as
    the body (`curl --data-binary @archive.csv -H 'Content-Type: text/csv'`; multipart forms are
    not taken), with a header row naming `claim`, `claimant`, `date` (when the fact-check was
    published), `rating`, `url` and `headline`, and optionally `claim_date`, `publisher`,
    `publisher_url` and `language`. Dates are ISO 8601; a date alone is the start of that day
    (UTC, the server's time zone).

    **Items.** At most 1000 per request (page through a feed with `?page_size=200`, or use
    `manage.py import_claimreviews` for a whole archive). Idempotent by url: an item whose url a
    claim of the workspace has already (its `review_url`, or its page on this installation) is
    reported `exists` and nothing is changed. Each item is reported `created`, `exists` or
    `rejected` with `errors` naming `<index>.<field>` (the field a path in the ClaimReview, or a
    CSV column); a rejected item does not stop the others. All of it is one transaction.

    Args:
        workspace (str | Unset):
        idempotency_key (str | Unset):
        x_request_id (str | Unset):
        body (ClaimreviewsImportJsonBodyType0 | list[Any] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ArchiveReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        workspace=workspace,
        idempotency_key=idempotency_key,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ClaimreviewsImportJsonBodyType0 | list[Any] | Unset = UNSET,
    workspace: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> ArchiveReport | Problem | None:
    """Import published fact-checks (ClaimReview JSON-LD or CSV)

     An archive of published fact-checks, to match claims against from the start.
    Each item becomes a claim of the workspace (`text`: `claimReviewed`; `claimant`:
    `itemReviewed.author.name`; `claim_date`: `itemReviewed.datePublished`; `review_url`: `url`;
    `language`: `inLanguage`) with a verdict published as it was: `published_at` is
    `datePublished`; the rating is the one whose slug or label `reviewRating.alternateName` is
    (case-insensitively), else one made for it outside the ordinal scale (no value), for staff to
    place; the explanation is `reviewBody`, else `headline`; the one source is the fact-check's
    url, titled with its headline; `publisher_name` and `publisher_url` are the review's
    `author` (else its `publisher`), which the ClaimReview feed then shows as its author. You
    become the claims' creator and the verdicts' reviewer. Editors of the workspace only.

    **Bodies.** `application/ld+json` or `application/json`: a ClaimReview, a list of them, or
    a schema.org DataFeed whose `dataFeedElement` lists them: what `GET /api/v1/claimreviews/`
    and `GET /api/v1/claims/{id}/claimreview/` give, so that one installation's feed imports
    into another unchanged. `text/csv` (UTF-8 unless a `charset` is named): the file itself as
    the body (`curl --data-binary @archive.csv -H 'Content-Type: text/csv'`; multipart forms are
    not taken), with a header row naming `claim`, `claimant`, `date` (when the fact-check was
    published), `rating`, `url` and `headline`, and optionally `claim_date`, `publisher`,
    `publisher_url` and `language`. Dates are ISO 8601; a date alone is the start of that day
    (UTC, the server's time zone).

    **Items.** At most 1000 per request (page through a feed with `?page_size=200`, or use
    `manage.py import_claimreviews` for a whole archive). Idempotent by url: an item whose url a
    claim of the workspace has already (its `review_url`, or its page on this installation) is
    reported `exists` and nothing is changed. Each item is reported `created`, `exists` or
    `rejected` with `errors` naming `<index>.<field>` (the field a path in the ClaimReview, or a
    CSV column); a rejected item does not stop the others. All of it is one transaction.

    Args:
        workspace (str | Unset):
        idempotency_key (str | Unset):
        x_request_id (str | Unset):
        body (ClaimreviewsImportJsonBodyType0 | list[Any] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ArchiveReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            workspace=workspace,
            idempotency_key=idempotency_key,
            x_request_id=x_request_id,
        )
    ).parsed
