from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.membership import Membership
from ...models.membership_request import MembershipRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    workspace_slug: str,
    *,
    body: MembershipRequest,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(x_request_id, Unset):
        headers["X-Request-ID"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/workspaces/{workspace_slug}/members/".format(
            workspace_slug=quote(str(workspace_slug), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Membership | Problem | None:
    if response.status_code == 201:
        response_201 = Membership.from_dict(response.json())

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
) -> Response[Membership | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    workspace_slug: str,
    *,
    client: AuthenticatedClient,
    body: MembershipRequest,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[Membership | Problem]:
    """Add a member to a workspace

     Members of a workspace and their roles. Members read; editors manage. A workspace
    always keeps at least one editor.

    Args:
        workspace_slug (str):
        idempotency_key (str | Unset):
        x_request_id (str | Unset):
        body (MembershipRequest): Fields named in ``Meta.fixed_after_creation`` may be sent again
            on update, unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Membership | Problem]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        body=body,
        idempotency_key=idempotency_key,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workspace_slug: str,
    *,
    client: AuthenticatedClient,
    body: MembershipRequest,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Membership | Problem | None:
    """Add a member to a workspace

     Members of a workspace and their roles. Members read; editors manage. A workspace
    always keeps at least one editor.

    Args:
        workspace_slug (str):
        idempotency_key (str | Unset):
        x_request_id (str | Unset):
        body (MembershipRequest): Fields named in ``Meta.fixed_after_creation`` may be sent again
            on update, unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Membership | Problem
    """

    return sync_detailed(
        workspace_slug=workspace_slug,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    workspace_slug: str,
    *,
    client: AuthenticatedClient,
    body: MembershipRequest,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[Membership | Problem]:
    """Add a member to a workspace

     Members of a workspace and their roles. Members read; editors manage. A workspace
    always keeps at least one editor.

    Args:
        workspace_slug (str):
        idempotency_key (str | Unset):
        x_request_id (str | Unset):
        body (MembershipRequest): Fields named in ``Meta.fixed_after_creation`` may be sent again
            on update, unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Membership | Problem]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        body=body,
        idempotency_key=idempotency_key,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workspace_slug: str,
    *,
    client: AuthenticatedClient,
    body: MembershipRequest,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Membership | Problem | None:
    """Add a member to a workspace

     Members of a workspace and their roles. Members read; editors manage. A workspace
    always keeps at least one editor.

    Args:
        workspace_slug (str):
        idempotency_key (str | Unset):
        x_request_id (str | Unset):
        body (MembershipRequest): Fields named in ``Meta.fixed_after_creation`` may be sent again
            on update, unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Membership | Problem
    """

    return (
        await asyncio_detailed(
            workspace_slug=workspace_slug,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            x_request_id=x_request_id,
        )
    ).parsed
