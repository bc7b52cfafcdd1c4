from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_history_entry_list import PaginatedHistoryEntryList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-ID"] = x_request_id

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/spans/{id}/history/".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedHistoryEntryList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedHistoryEntryList.from_dict(response.json())

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
) -> Response[PaginatedHistoryEntryList | Problem]:
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
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[PaginatedHistoryEntryList | Problem]:
    """History of changes

     Every creation, change and deletion, newest first: who, when, through which request (X-Request-ID),
    and the values before and after. Read-only. A deleted row's history stays readable by id.

    Args:
        id (UUID):
        page (int | Unset):
        page_size (int | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedHistoryEntryList | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        page=page,
        page_size=page_size,
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
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> PaginatedHistoryEntryList | Problem | None:
    """History of changes

     Every creation, change and deletion, newest first: who, when, through which request (X-Request-ID),
    and the values before and after. Read-only. A deleted row's history stays readable by id.

    Args:
        id (UUID):
        page (int | Unset):
        page_size (int | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedHistoryEntryList | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        page=page,
        page_size=page_size,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[PaginatedHistoryEntryList | Problem]:
    """History of changes

     Every creation, change and deletion, newest first: who, when, through which request (X-Request-ID),
    and the values before and after. Read-only. A deleted row's history stays readable by id.

    Args:
        id (UUID):
        page (int | Unset):
        page_size (int | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedHistoryEntryList | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        page=page,
        page_size=page_size,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> PaginatedHistoryEntryList | Problem | None:
    """History of changes

     Every creation, change and deletion, newest first: who, when, through which request (X-Request-ID),
    and the values before and after. Read-only. A deleted row's history stays readable by id.

    Args:
        id (UUID):
        page (int | Unset):
        page_size (int | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedHistoryEntryList | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            page=page,
            page_size=page_size,
            x_request_id=x_request_id,
        )
    ).parsed
