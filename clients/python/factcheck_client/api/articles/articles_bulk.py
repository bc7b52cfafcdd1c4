from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.article_request import ArticleRequest
from ...models.paginated_article_list import PaginatedArticleList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: list[ArticleRequest],
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(x_request_id, Unset):
        headers["X-Request-ID"] = x_request_id

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/articles/bulk/",
        "params": params,
    }

    _kwargs["json"] = []
    for body_item_data in body:
        body_item = body_item_data.to_dict()
        _kwargs["json"].append(body_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedArticleList | Problem | None:
    if response.status_code == 201:
        response_201 = PaginatedArticleList.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
    body: list[ArticleRequest],
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[PaginatedArticleList | Problem]:
    """Create many articles

     Up to 1,000 articles, each validated as for a single creation; all or nothing. A rejected batch
    answers 400 naming each failing item by its index (`errors[].field` like `3.url`).

    Args:
        page (int | Unset):
        page_size (int | Unset):
        idempotency_key (str | Unset):
        x_request_id (str | Unset):
        body (list[ArticleRequest]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedArticleList | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        page=page,
        page_size=page_size,
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
    body: list[ArticleRequest],
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> PaginatedArticleList | Problem | None:
    """Create many articles

     Up to 1,000 articles, each validated as for a single creation; all or nothing. A rejected batch
    answers 400 naming each failing item by its index (`errors[].field` like `3.url`).

    Args:
        page (int | Unset):
        page_size (int | Unset):
        idempotency_key (str | Unset):
        x_request_id (str | Unset):
        body (list[ArticleRequest]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedArticleList | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        page=page,
        page_size=page_size,
        idempotency_key=idempotency_key,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: list[ArticleRequest],
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[PaginatedArticleList | Problem]:
    """Create many articles

     Up to 1,000 articles, each validated as for a single creation; all or nothing. A rejected batch
    answers 400 naming each failing item by its index (`errors[].field` like `3.url`).

    Args:
        page (int | Unset):
        page_size (int | Unset):
        idempotency_key (str | Unset):
        x_request_id (str | Unset):
        body (list[ArticleRequest]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedArticleList | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        page=page,
        page_size=page_size,
        idempotency_key=idempotency_key,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: list[ArticleRequest],
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> PaginatedArticleList | Problem | None:
    """Create many articles

     Up to 1,000 articles, each validated as for a single creation; all or nothing. A rejected batch
    answers 400 naming each failing item by its index (`errors[].field` like `3.url`).

    Args:
        page (int | Unset):
        page_size (int | Unset):
        idempotency_key (str | Unset):
        x_request_id (str | Unset):
        body (list[ArticleRequest]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedArticleList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            page=page,
            page_size=page_size,
            idempotency_key=idempotency_key,
            x_request_id=x_request_id,
        )
    ).parsed
