from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.article_changed import ArticleChanged
from ...models.patched_article_request import PatchedArticleRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    body: PatchedArticleRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(x_request_id, Unset):
        headers["X-Request-ID"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/articles/{id}/".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ArticleChanged | Problem | None:
    if response.status_code == 200:
        response_200 = ArticleChanged.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ArticleChanged | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedArticleRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[ArticleChanged | Problem]:
    """Change an article

     A new body becomes a new revision; every span is re-anchored in it in the same transaction, and the
    response's `reanchoring` reports how.

    Args:
        id (UUID):
        if_match (str | Unset):
        x_request_id (str | Unset):
        body (PatchedArticleRequest | Unset): ``workspace``: a slug, fixed at creation, defaulting
            to the user's only workspace.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ArticleChanged | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedArticleRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> ArticleChanged | Problem | None:
    """Change an article

     A new body becomes a new revision; every span is re-anchored in it in the same transaction, and the
    response's `reanchoring` reports how.

    Args:
        id (UUID):
        if_match (str | Unset):
        x_request_id (str | Unset):
        body (PatchedArticleRequest | Unset): ``workspace``: a slug, fixed at creation, defaulting
            to the user's only workspace.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ArticleChanged | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        if_match=if_match,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedArticleRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[ArticleChanged | Problem]:
    """Change an article

     A new body becomes a new revision; every span is re-anchored in it in the same transaction, and the
    response's `reanchoring` reports how.

    Args:
        id (UUID):
        if_match (str | Unset):
        x_request_id (str | Unset):
        body (PatchedArticleRequest | Unset): ``workspace``: a slug, fixed at creation, defaulting
            to the user's only workspace.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ArticleChanged | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedArticleRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> ArticleChanged | Problem | None:
    """Change an article

     A new body becomes a new revision; every span is re-anchored in it in the same transaction, and the
    response's `reanchoring` reports how.

    Args:
        id (UUID):
        if_match (str | Unset):
        x_request_id (str | Unset):
        body (PatchedArticleRequest | Unset): ``workspace``: a slug, fixed at creation, defaulting
            to the user's only workspace.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ArticleChanged | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            if_match=if_match,
            x_request_id=x_request_id,
        )
    ).parsed
