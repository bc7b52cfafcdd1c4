from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.articles_list_ordering_item import ArticlesListOrderingItem
from ...models.paginated_article_list import PaginatedArticleList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    language: str | Unset = UNSET,
    ordering: list[ArticlesListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    publisher: str | Unset = UNSET,
    search: str | Unset = UNSET,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-ID"] = x_request_id

    params: dict[str, Any] = {}

    params["language"] = language

    json_ordering: list[str] | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = []
        for ordering_item_data in ordering:
            ordering_item = ordering_item_data.value
            json_ordering.append(ordering_item)

    params["ordering"] = json_ordering

    params["page"] = page

    params["page_size"] = page_size

    params["publisher"] = publisher

    params["search"] = search

    params["workspace"] = workspace

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/articles/",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedArticleList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedArticleList.from_dict(response.json())

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
) -> Response[PaginatedArticleList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    language: str | Unset = UNSET,
    ordering: list[ArticlesListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    publisher: str | Unset = UNSET,
    search: str | Unset = UNSET,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[PaginatedArticleList | Problem]:
    """List articles

     News articles. The body is stored normalised (NFC, `\\n`); spans point into it.

    Args:
        language (str | Unset):
        ordering (list[ArticlesListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        publisher (str | Unset):
        search (str | Unset):
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedArticleList | Problem]
    """

    kwargs = _get_kwargs(
        language=language,
        ordering=ordering,
        page=page,
        page_size=page_size,
        publisher=publisher,
        search=search,
        workspace=workspace,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    language: str | Unset = UNSET,
    ordering: list[ArticlesListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    publisher: str | Unset = UNSET,
    search: str | Unset = UNSET,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> PaginatedArticleList | Problem | None:
    """List articles

     News articles. The body is stored normalised (NFC, `\\n`); spans point into it.

    Args:
        language (str | Unset):
        ordering (list[ArticlesListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        publisher (str | Unset):
        search (str | Unset):
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedArticleList | Problem
    """

    return sync_detailed(
        client=client,
        language=language,
        ordering=ordering,
        page=page,
        page_size=page_size,
        publisher=publisher,
        search=search,
        workspace=workspace,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    language: str | Unset = UNSET,
    ordering: list[ArticlesListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    publisher: str | Unset = UNSET,
    search: str | Unset = UNSET,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[PaginatedArticleList | Problem]:
    """List articles

     News articles. The body is stored normalised (NFC, `\\n`); spans point into it.

    Args:
        language (str | Unset):
        ordering (list[ArticlesListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        publisher (str | Unset):
        search (str | Unset):
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedArticleList | Problem]
    """

    kwargs = _get_kwargs(
        language=language,
        ordering=ordering,
        page=page,
        page_size=page_size,
        publisher=publisher,
        search=search,
        workspace=workspace,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    language: str | Unset = UNSET,
    ordering: list[ArticlesListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    publisher: str | Unset = UNSET,
    search: str | Unset = UNSET,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> PaginatedArticleList | Problem | None:
    """List articles

     News articles. The body is stored normalised (NFC, `\\n`); spans point into it.

    Args:
        language (str | Unset):
        ordering (list[ArticlesListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        publisher (str | Unset):
        search (str | Unset):
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedArticleList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            language=language,
            ordering=ordering,
            page=page,
            page_size=page_size,
            publisher=publisher,
            search=search,
            workspace=workspace,
            x_request_id=x_request_id,
        )
    ).parsed
