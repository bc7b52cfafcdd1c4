import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agreement import Agreement
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    article: UUID | Unset = UNSET,
    claimant: str | Unset = UNSET,
    min_common: int | Unset = 3,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
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

    params["min_common"] = min_common

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params["workspace"] = workspace

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/stats/agreement/",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Agreement | Problem | None:
    if response.status_code == 200:
        response_200 = Agreement.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Agreement | Problem]:
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
    min_common: int | Unset = 3,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[Agreement | Problem]:
    """Agreement between reviewers

     Editors only, over the workspaces they edit. Krippendorff's alpha (nominal, and ordinal over the
    ordinal ratings only) over submitted, published and superseded verdicts, with the number of claims
    and verdicts it rests on, and Cohen's kappa for each pair of reviewers who rated at least
    `min_common` claims in common.

    Args:
        article (UUID | Unset):
        claimant (str | Unset):
        min_common (int | Unset):  Default: 3.
        since (datetime.date | Unset):
        until (datetime.date | Unset):
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Agreement | Problem]
    """

    kwargs = _get_kwargs(
        article=article,
        claimant=claimant,
        min_common=min_common,
        since=since,
        until=until,
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
    min_common: int | Unset = 3,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Agreement | Problem | None:
    """Agreement between reviewers

     Editors only, over the workspaces they edit. Krippendorff's alpha (nominal, and ordinal over the
    ordinal ratings only) over submitted, published and superseded verdicts, with the number of claims
    and verdicts it rests on, and Cohen's kappa for each pair of reviewers who rated at least
    `min_common` claims in common.

    Args:
        article (UUID | Unset):
        claimant (str | Unset):
        min_common (int | Unset):  Default: 3.
        since (datetime.date | Unset):
        until (datetime.date | Unset):
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Agreement | Problem
    """

    return sync_detailed(
        client=client,
        article=article,
        claimant=claimant,
        min_common=min_common,
        since=since,
        until=until,
        workspace=workspace,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    article: UUID | Unset = UNSET,
    claimant: str | Unset = UNSET,
    min_common: int | Unset = 3,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[Agreement | Problem]:
    """Agreement between reviewers

     Editors only, over the workspaces they edit. Krippendorff's alpha (nominal, and ordinal over the
    ordinal ratings only) over submitted, published and superseded verdicts, with the number of claims
    and verdicts it rests on, and Cohen's kappa for each pair of reviewers who rated at least
    `min_common` claims in common.

    Args:
        article (UUID | Unset):
        claimant (str | Unset):
        min_common (int | Unset):  Default: 3.
        since (datetime.date | Unset):
        until (datetime.date | Unset):
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Agreement | Problem]
    """

    kwargs = _get_kwargs(
        article=article,
        claimant=claimant,
        min_common=min_common,
        since=since,
        until=until,
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
    min_common: int | Unset = 3,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Agreement | Problem | None:
    """Agreement between reviewers

     Editors only, over the workspaces they edit. Krippendorff's alpha (nominal, and ordinal over the
    ordinal ratings only) over submitted, published and superseded verdicts, with the number of claims
    and verdicts it rests on, and Cohen's kappa for each pair of reviewers who rated at least
    `min_common` claims in common.

    Args:
        article (UUID | Unset):
        claimant (str | Unset):
        min_common (int | Unset):  Default: 3.
        since (datetime.date | Unset):
        until (datetime.date | Unset):
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Agreement | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            article=article,
            claimant=claimant,
            min_common=min_common,
            since=since,
            until=until,
            workspace=workspace,
            x_request_id=x_request_id,
        )
    ).parsed
