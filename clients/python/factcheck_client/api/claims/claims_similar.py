from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.similar_claim import SimilarClaim
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 10,
    text: str,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-ID"] = x_request_id

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["text"] = text

    params["workspace"] = workspace

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/claims/similar/",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[SimilarClaim] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = SimilarClaim.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[SimilarClaim]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    text: str,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[Problem | list[SimilarClaim]]:
    """Find claims checked before

     Existing claims of your workspaces ranked by how well they match `text` (BM25 over each claim's text
    and claimant, and less over its linked claims' texts, its published fact-check and its articles'
    titles, rare terms weighing most; fused with the similarity of meaning where the installation has an
    embedding model), each with its score in [0, 1], why it matched, and its published verdict, or a
    linked claim's, if it was checked. `text` may be a social-media post or a news sentence as it
    arrives: links, @handles, hashtags (#PizzaVendingMachine) and an embedded post's signature are read
    and weighed by kind.

    Args:
        limit (int | Unset):  Default: 10.
        text (str):
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[SimilarClaim]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        text=text,
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
    limit: int | Unset = 10,
    text: str,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Problem | list[SimilarClaim] | None:
    """Find claims checked before

     Existing claims of your workspaces ranked by how well they match `text` (BM25 over each claim's text
    and claimant, and less over its linked claims' texts, its published fact-check and its articles'
    titles, rare terms weighing most; fused with the similarity of meaning where the installation has an
    embedding model), each with its score in [0, 1], why it matched, and its published verdict, or a
    linked claim's, if it was checked. `text` may be a social-media post or a news sentence as it
    arrives: links, @handles, hashtags (#PizzaVendingMachine) and an embedded post's signature are read
    and weighed by kind.

    Args:
        limit (int | Unset):  Default: 10.
        text (str):
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[SimilarClaim]
    """

    return sync_detailed(
        client=client,
        limit=limit,
        text=text,
        workspace=workspace,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    text: str,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[Problem | list[SimilarClaim]]:
    """Find claims checked before

     Existing claims of your workspaces ranked by how well they match `text` (BM25 over each claim's text
    and claimant, and less over its linked claims' texts, its published fact-check and its articles'
    titles, rare terms weighing most; fused with the similarity of meaning where the installation has an
    embedding model), each with its score in [0, 1], why it matched, and its published verdict, or a
    linked claim's, if it was checked. `text` may be a social-media post or a news sentence as it
    arrives: links, @handles, hashtags (#PizzaVendingMachine) and an embedded post's signature are read
    and weighed by kind.

    Args:
        limit (int | Unset):  Default: 10.
        text (str):
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[SimilarClaim]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        text=text,
        workspace=workspace,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    text: str,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Problem | list[SimilarClaim] | None:
    """Find claims checked before

     Existing claims of your workspaces ranked by how well they match `text` (BM25 over each claim's text
    and claimant, and less over its linked claims' texts, its published fact-check and its articles'
    titles, rare terms weighing most; fused with the similarity of meaning where the installation has an
    embedding model), each with its score in [0, 1], why it matched, and its published verdict, or a
    linked claim's, if it was checked. `text` may be a social-media post or a news sentence as it
    arrives: links, @handles, hashtags (#PizzaVendingMachine) and an embedded post's signature are read
    and weighed by kind.

    Args:
        limit (int | Unset):  Default: 10.
        text (str):
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[SimilarClaim]
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            text=text,
            workspace=workspace,
            x_request_id=x_request_id,
        )
    ).parsed
