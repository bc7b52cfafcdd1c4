from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rating import Rating
from ...models.rating_request import RatingRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    *,
    body: RatingRequest,
    if_match: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(x_request_id, Unset):
        headers["X-Request-ID"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/ratings/{slug}/".format(
            slug=quote(str(slug), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Rating | None:
    if response.status_code == 200:
        response_200 = Rating.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Rating]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: RatingRequest,
    if_match: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[Problem | Rating]:
    """Replace a rating

     The installation's rating scale. Everyone reads it; staff users change it. A rating
    in use by a verdict cannot be deleted.

    Args:
        slug (str):
        if_match (str | Unset):
        x_request_id (str | Unset):
        body (RatingRequest): Fields named in ``Meta.fixed_after_creation`` may be sent again on
            update, unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Rating]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
        if_match=if_match,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: RatingRequest,
    if_match: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Problem | Rating | None:
    """Replace a rating

     The installation's rating scale. Everyone reads it; staff users change it. A rating
    in use by a verdict cannot be deleted.

    Args:
        slug (str):
        if_match (str | Unset):
        x_request_id (str | Unset):
        body (RatingRequest): Fields named in ``Meta.fixed_after_creation`` may be sent again on
            update, unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Rating
    """

    return sync_detailed(
        slug=slug,
        client=client,
        body=body,
        if_match=if_match,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: RatingRequest,
    if_match: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[Problem | Rating]:
    """Replace a rating

     The installation's rating scale. Everyone reads it; staff users change it. A rating
    in use by a verdict cannot be deleted.

    Args:
        slug (str):
        if_match (str | Unset):
        x_request_id (str | Unset):
        body (RatingRequest): Fields named in ``Meta.fixed_after_creation`` may be sent again on
            update, unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Rating]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
        if_match=if_match,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: RatingRequest,
    if_match: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Problem | Rating | None:
    """Replace a rating

     The installation's rating scale. Everyone reads it; staff users change it. A rating
    in use by a verdict cannot be deleted.

    Args:
        slug (str):
        if_match (str | Unset):
        x_request_id (str | Unset):
        body (RatingRequest): Fields named in ``Meta.fixed_after_creation`` may be sent again on
            update, unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Rating
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            body=body,
            if_match=if_match,
            x_request_id=x_request_id,
        )
    ).parsed
