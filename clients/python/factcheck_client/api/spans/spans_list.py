from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_span_list import PaginatedSpanList
from ...models.problem import Problem
from ...models.spans_list_anchor_state import SpansListAnchorState
from ...models.spans_list_ordering_item import SpansListOrderingItem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    anchor_state: SpansListAnchorState | Unset = UNSET,
    article: UUID | Unset = UNSET,
    ordering: list[SpansListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-ID"] = x_request_id

    params: dict[str, Any] = {}

    json_anchor_state: str | Unset = UNSET
    if not isinstance(anchor_state, Unset):
        json_anchor_state = anchor_state.value

    params["anchor_state"] = json_anchor_state

    json_article: str | Unset = UNSET
    if not isinstance(article, Unset):
        json_article = str(article)
    params["article"] = json_article

    json_ordering: list[str] | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = []
        for ordering_item_data in ordering:
            ordering_item = ordering_item_data.value
            json_ordering.append(ordering_item)

    params["ordering"] = json_ordering

    params["page"] = page

    params["page_size"] = page_size

    params["search"] = search

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/spans/",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedSpanList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedSpanList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[PaginatedSpanList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    anchor_state: SpansListAnchorState | Unset = UNSET,
    article: UUID | Unset = UNSET,
    ordering: list[SpansListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[PaginatedSpanList | Problem]:
    """List spans

     Highlighted passages, anchored by code-point offsets `[start, end)` into an article's
    body, with their quote and 32 characters of context each side.

    Args:
        anchor_state (SpansListAnchorState | Unset):
        article (UUID | Unset):
        ordering (list[SpansListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        search (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedSpanList | Problem]
    """

    kwargs = _get_kwargs(
        anchor_state=anchor_state,
        article=article,
        ordering=ordering,
        page=page,
        page_size=page_size,
        search=search,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    anchor_state: SpansListAnchorState | Unset = UNSET,
    article: UUID | Unset = UNSET,
    ordering: list[SpansListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> PaginatedSpanList | Problem | None:
    """List spans

     Highlighted passages, anchored by code-point offsets `[start, end)` into an article's
    body, with their quote and 32 characters of context each side.

    Args:
        anchor_state (SpansListAnchorState | Unset):
        article (UUID | Unset):
        ordering (list[SpansListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        search (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedSpanList | Problem
    """

    return sync_detailed(
        client=client,
        anchor_state=anchor_state,
        article=article,
        ordering=ordering,
        page=page,
        page_size=page_size,
        search=search,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    anchor_state: SpansListAnchorState | Unset = UNSET,
    article: UUID | Unset = UNSET,
    ordering: list[SpansListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[PaginatedSpanList | Problem]:
    """List spans

     Highlighted passages, anchored by code-point offsets `[start, end)` into an article's
    body, with their quote and 32 characters of context each side.

    Args:
        anchor_state (SpansListAnchorState | Unset):
        article (UUID | Unset):
        ordering (list[SpansListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        search (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedSpanList | Problem]
    """

    kwargs = _get_kwargs(
        anchor_state=anchor_state,
        article=article,
        ordering=ordering,
        page=page,
        page_size=page_size,
        search=search,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    anchor_state: SpansListAnchorState | Unset = UNSET,
    article: UUID | Unset = UNSET,
    ordering: list[SpansListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> PaginatedSpanList | Problem | None:
    """List spans

     Highlighted passages, anchored by code-point offsets `[start, end)` into an article's
    body, with their quote and 32 characters of context each side.

    Args:
        anchor_state (SpansListAnchorState | Unset):
        article (UUID | Unset):
        ordering (list[SpansListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        search (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedSpanList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            anchor_state=anchor_state,
            article=article,
            ordering=ordering,
            page=page,
            page_size=page_size,
            search=search,
            x_request_id=x_request_id,
        )
    ).parsed
