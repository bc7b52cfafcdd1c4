from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_verdict_list import PaginatedVerdictList
from ...models.problem import Problem
from ...models.verdicts_list_ordering_item import VerdictsListOrderingItem
from ...models.verdicts_list_state import VerdictsListState
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    claim: UUID | Unset = UNSET,
    ordering: list[VerdictsListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    rating: str | Unset = UNSET,
    reviewer: str | Unset = UNSET,
    search: str | Unset = UNSET,
    state: VerdictsListState | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-ID"] = x_request_id

    params: dict[str, Any] = {}

    json_claim: str | Unset = UNSET
    if not isinstance(claim, Unset):
        json_claim = str(claim)
    params["claim"] = json_claim

    json_ordering: list[str] | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = []
        for ordering_item_data in ordering:
            ordering_item = ordering_item_data.value
            json_ordering.append(ordering_item)

    params["ordering"] = json_ordering

    params["page"] = page

    params["page_size"] = page_size

    params["rating"] = rating

    params["reviewer"] = reviewer

    params["search"] = search

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state.value

    params["state"] = json_state

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/verdicts/",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedVerdictList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedVerdictList.from_dict(response.json())

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
) -> Response[PaginatedVerdictList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    claim: UUID | Unset = UNSET,
    ordering: list[VerdictsListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    rating: str | Unset = UNSET,
    reviewer: str | Unset = UNSET,
    search: str | Unset = UNSET,
    state: VerdictsListState | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[PaginatedVerdictList | Problem]:
    """List verdicts

     Reviewers' ratings of claims: one per reviewer and claim; drafted, submitted by the
    reviewer, published by an editor. Review is blind: a reviewer sees other reviewers'
    unpublished verdicts on a claim only once they have submitted their own.

    Args:
        claim (UUID | Unset):
        ordering (list[VerdictsListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        rating (str | Unset):
        reviewer (str | Unset):
        search (str | Unset):
        state (VerdictsListState | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedVerdictList | Problem]
    """

    kwargs = _get_kwargs(
        claim=claim,
        ordering=ordering,
        page=page,
        page_size=page_size,
        rating=rating,
        reviewer=reviewer,
        search=search,
        state=state,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    claim: UUID | Unset = UNSET,
    ordering: list[VerdictsListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    rating: str | Unset = UNSET,
    reviewer: str | Unset = UNSET,
    search: str | Unset = UNSET,
    state: VerdictsListState | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> PaginatedVerdictList | Problem | None:
    """List verdicts

     Reviewers' ratings of claims: one per reviewer and claim; drafted, submitted by the
    reviewer, published by an editor. Review is blind: a reviewer sees other reviewers'
    unpublished verdicts on a claim only once they have submitted their own.

    Args:
        claim (UUID | Unset):
        ordering (list[VerdictsListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        rating (str | Unset):
        reviewer (str | Unset):
        search (str | Unset):
        state (VerdictsListState | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedVerdictList | Problem
    """

    return sync_detailed(
        client=client,
        claim=claim,
        ordering=ordering,
        page=page,
        page_size=page_size,
        rating=rating,
        reviewer=reviewer,
        search=search,
        state=state,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    claim: UUID | Unset = UNSET,
    ordering: list[VerdictsListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    rating: str | Unset = UNSET,
    reviewer: str | Unset = UNSET,
    search: str | Unset = UNSET,
    state: VerdictsListState | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[PaginatedVerdictList | Problem]:
    """List verdicts

     Reviewers' ratings of claims: one per reviewer and claim; drafted, submitted by the
    reviewer, published by an editor. Review is blind: a reviewer sees other reviewers'
    unpublished verdicts on a claim only once they have submitted their own.

    Args:
        claim (UUID | Unset):
        ordering (list[VerdictsListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        rating (str | Unset):
        reviewer (str | Unset):
        search (str | Unset):
        state (VerdictsListState | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedVerdictList | Problem]
    """

    kwargs = _get_kwargs(
        claim=claim,
        ordering=ordering,
        page=page,
        page_size=page_size,
        rating=rating,
        reviewer=reviewer,
        search=search,
        state=state,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    claim: UUID | Unset = UNSET,
    ordering: list[VerdictsListOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    rating: str | Unset = UNSET,
    reviewer: str | Unset = UNSET,
    search: str | Unset = UNSET,
    state: VerdictsListState | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> PaginatedVerdictList | Problem | None:
    """List verdicts

     Reviewers' ratings of claims: one per reviewer and claim; drafted, submitted by the
    reviewer, published by an editor. Review is blind: a reviewer sees other reviewers'
    unpublished verdicts on a claim only once they have submitted their own.

    Args:
        claim (UUID | Unset):
        ordering (list[VerdictsListOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        rating (str | Unset):
        reviewer (str | Unset):
        search (str | Unset):
        state (VerdictsListState | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedVerdictList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            claim=claim,
            ordering=ordering,
            page=page,
            page_size=page_size,
            rating=rating,
            reviewer=reviewer,
            search=search,
            state=state,
            x_request_id=x_request_id,
        )
    ).parsed
