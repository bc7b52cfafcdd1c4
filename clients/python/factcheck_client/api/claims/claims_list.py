from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.claims_list_ordering_item import ClaimsListOrderingItem
from ...models.claims_list_status import ClaimsListStatus
from ...models.paginated_claim_list import PaginatedClaimList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    article: UUID | Unset = UNSET,
    claimant: str | Unset = UNSET,
    group: UUID | Unset = UNSET,
    ordering: list[ClaimsListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    status: ClaimsListStatus | Unset = UNSET,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-ID"] = x_request_id

    params: dict[str, Any] = {}

    json_article: str | Unset = UNSET
    if not isinstance(article, Unset):
        json_article = str(article)
    params["article"] = json_article

    params["claimant"] = claimant

    json_group: str | Unset = UNSET
    if not isinstance(group, Unset):
        json_group = str(group)
    params["group"] = json_group

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

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["workspace"] = workspace

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/claims/",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedClaimList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedClaimList.from_dict(response.json())

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
) -> Response[PaginatedClaimList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    article: UUID | Unset = UNSET,
    claimant: str | Unset = UNSET,
    group: UUID | Unset = UNSET,
    ordering: list[ClaimsListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    status: ClaimsListStatus | Unset = UNSET,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[PaginatedClaimList | Problem]:
    """List claims

     Checkable statements, cited by spans in one or more articles of a workspace.

    Args:
        article (UUID | Unset):
        claimant (str | Unset):
        group (UUID | Unset):
        ordering (list[ClaimsListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        search (str | Unset):
        status (ClaimsListStatus | Unset):
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedClaimList | Problem]
    """

    kwargs = _get_kwargs(
        article=article,
        claimant=claimant,
        group=group,
        ordering=ordering,
        page=page,
        page_size=page_size,
        search=search,
        status=status,
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
    article: UUID | Unset = UNSET,
    claimant: str | Unset = UNSET,
    group: UUID | Unset = UNSET,
    ordering: list[ClaimsListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    status: ClaimsListStatus | Unset = UNSET,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> PaginatedClaimList | Problem | None:
    """List claims

     Checkable statements, cited by spans in one or more articles of a workspace.

    Args:
        article (UUID | Unset):
        claimant (str | Unset):
        group (UUID | Unset):
        ordering (list[ClaimsListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        search (str | Unset):
        status (ClaimsListStatus | Unset):
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedClaimList | Problem
    """

    return sync_detailed(
        client=client,
        article=article,
        claimant=claimant,
        group=group,
        ordering=ordering,
        page=page,
        page_size=page_size,
        search=search,
        status=status,
        workspace=workspace,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    article: UUID | Unset = UNSET,
    claimant: str | Unset = UNSET,
    group: UUID | Unset = UNSET,
    ordering: list[ClaimsListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    status: ClaimsListStatus | Unset = UNSET,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[PaginatedClaimList | Problem]:
    """List claims

     Checkable statements, cited by spans in one or more articles of a workspace.

    Args:
        article (UUID | Unset):
        claimant (str | Unset):
        group (UUID | Unset):
        ordering (list[ClaimsListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        search (str | Unset):
        status (ClaimsListStatus | Unset):
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedClaimList | Problem]
    """

    kwargs = _get_kwargs(
        article=article,
        claimant=claimant,
        group=group,
        ordering=ordering,
        page=page,
        page_size=page_size,
        search=search,
        status=status,
        workspace=workspace,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    article: UUID | Unset = UNSET,
    claimant: str | Unset = UNSET,
    group: UUID | Unset = UNSET,
    ordering: list[ClaimsListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    search: str | Unset = UNSET,
    status: ClaimsListStatus | Unset = UNSET,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> PaginatedClaimList | Problem | None:
    """List claims

     Checkable statements, cited by spans in one or more articles of a workspace.

    Args:
        article (UUID | Unset):
        claimant (str | Unset):
        group (UUID | Unset):
        ordering (list[ClaimsListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        search (str | Unset):
        status (ClaimsListStatus | Unset):
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedClaimList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            article=article,
            claimant=claimant,
            group=group,
            ordering=ordering,
            page=page,
            page_size=page_size,
            search=search,
            status=status,
            workspace=workspace,
            x_request_id=x_request_id,
        )
    ).parsed
