from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.claim_review import ClaimReview
from ...models.claims_claimreview_format import ClaimsClaimreviewFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    format_: ClaimsClaimreviewFormat | Unset = UNSET,
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/claims/{id}/claimreview/".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClaimReview | Problem | None:
    if response.status_code == 200:
        response_200 = ClaimReview.from_dict(response.json())

        return response_200

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
) -> Response[ClaimReview | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    format_: ClaimsClaimreviewFormat | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[ClaimReview | Problem]:
    """Get a claim's ClaimReview

     The claim's published verdict as schema.org ClaimReview JSON-LD (`application/ld+json`; `Accept:
    application/json` for plain JSON). Public: no authentication needed. 404 unless the claim has a
    published verdict; superseded verdicts are never shown.

    Args:
        id (UUID):
        format_ (ClaimsClaimreviewFormat | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClaimReview | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        format_=format_,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    format_: ClaimsClaimreviewFormat | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> ClaimReview | Problem | None:
    """Get a claim's ClaimReview

     The claim's published verdict as schema.org ClaimReview JSON-LD (`application/ld+json`; `Accept:
    application/json` for plain JSON). Public: no authentication needed. 404 unless the claim has a
    published verdict; superseded verdicts are never shown.

    Args:
        id (UUID):
        format_ (ClaimsClaimreviewFormat | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClaimReview | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        format_=format_,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    format_: ClaimsClaimreviewFormat | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[ClaimReview | Problem]:
    """Get a claim's ClaimReview

     The claim's published verdict as schema.org ClaimReview JSON-LD (`application/ld+json`; `Accept:
    application/json` for plain JSON). Public: no authentication needed. 404 unless the claim has a
    published verdict; superseded verdicts are never shown.

    Args:
        id (UUID):
        format_ (ClaimsClaimreviewFormat | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClaimReview | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        format_=format_,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    format_: ClaimsClaimreviewFormat | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> ClaimReview | Problem | None:
    """Get a claim's ClaimReview

     The claim's published verdict as schema.org ClaimReview JSON-LD (`application/ld+json`; `Accept:
    application/json` for plain JSON). Public: no authentication needed. 404 unless the claim has a
    published verdict; superseded verdicts are never shown.

    Args:
        id (UUID):
        format_ (ClaimsClaimreviewFormat | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClaimReview | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            format_=format_,
            x_request_id=x_request_id,
        )
    ).parsed
