import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.claim_review_feed import ClaimReviewFeed
from ...models.claimreviews_feed_format import ClaimreviewsFeedFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: ClaimreviewsFeedFormat | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-ID"] = x_request_id

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params["page"] = page

    params["page_size"] = page_size

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/claimreviews/",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClaimReviewFeed | Problem | None:
    if response.status_code == 200:
        response_200 = ClaimReviewFeed.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClaimReviewFeed | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: ClaimreviewsFeedFormat | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[ClaimReviewFeed | Problem]:
    """Feed of published ClaimReviews

     Every published fact-check of every workspace, newest first (by the verdict's publication), as a
    schema.org DataFeed whose `dataFeedElement` items are ClaimReviews as `GET
    /api/v1/claims/{id}/claimreview/` gives them. `dateModified` is the newest publication in the feed
    (null when empty); `count`, `next` and `previous` page through it. Public: no authentication needed.
    JSON-LD (`application/ld+json`), or plain JSON with `Accept: application/json`.

    Args:
        format_ (ClaimreviewsFeedFormat | Unset):
        page (int | Unset):
        page_size (int | Unset):
        since (datetime.datetime | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClaimReviewFeed | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        page=page,
        page_size=page_size,
        since=since,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    format_: ClaimreviewsFeedFormat | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> ClaimReviewFeed | Problem | None:
    """Feed of published ClaimReviews

     Every published fact-check of every workspace, newest first (by the verdict's publication), as a
    schema.org DataFeed whose `dataFeedElement` items are ClaimReviews as `GET
    /api/v1/claims/{id}/claimreview/` gives them. `dateModified` is the newest publication in the feed
    (null when empty); `count`, `next` and `previous` page through it. Public: no authentication needed.
    JSON-LD (`application/ld+json`), or plain JSON with `Accept: application/json`.

    Args:
        format_ (ClaimreviewsFeedFormat | Unset):
        page (int | Unset):
        page_size (int | Unset):
        since (datetime.datetime | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClaimReviewFeed | Problem
    """

    return sync_detailed(
        client=client,
        format_=format_,
        page=page,
        page_size=page_size,
        since=since,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: ClaimreviewsFeedFormat | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[ClaimReviewFeed | Problem]:
    """Feed of published ClaimReviews

     Every published fact-check of every workspace, newest first (by the verdict's publication), as a
    schema.org DataFeed whose `dataFeedElement` items are ClaimReviews as `GET
    /api/v1/claims/{id}/claimreview/` gives them. `dateModified` is the newest publication in the feed
    (null when empty); `count`, `next` and `previous` page through it. Public: no authentication needed.
    JSON-LD (`application/ld+json`), or plain JSON with `Accept: application/json`.

    Args:
        format_ (ClaimreviewsFeedFormat | Unset):
        page (int | Unset):
        page_size (int | Unset):
        since (datetime.datetime | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClaimReviewFeed | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        page=page,
        page_size=page_size,
        since=since,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    format_: ClaimreviewsFeedFormat | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> ClaimReviewFeed | Problem | None:
    """Feed of published ClaimReviews

     Every published fact-check of every workspace, newest first (by the verdict's publication), as a
    schema.org DataFeed whose `dataFeedElement` items are ClaimReviews as `GET
    /api/v1/claims/{id}/claimreview/` gives them. `dateModified` is the newest publication in the feed
    (null when empty); `count`, `next` and `previous` page through it. Public: no authentication needed.
    JSON-LD (`application/ld+json`), or plain JSON with `Accept: application/json`.

    Args:
        format_ (ClaimreviewsFeedFormat | Unset):
        page (int | Unset):
        page_size (int | Unset):
        since (datetime.datetime | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClaimReviewFeed | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            page=page,
            page_size=page_size,
            since=since,
            x_request_id=x_request_id,
        )
    ).parsed
