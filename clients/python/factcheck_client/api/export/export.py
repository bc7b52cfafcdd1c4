from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_format import ExportFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: ExportFormat | Unset = ExportFormat.JSONL,
    workspace: str | Unset = UNSET,
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

    params["workspace"] = workspace

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/export/",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = ExportFormat.JSONL,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[Problem | str]:
    """Export everything you can see

     Streams, so it suits databases of any size. `format=jsonl` (the default): one JSON object per line
    for each article of your workspaces, oldest first, with its spans, the claims citing them (`spans`:
    all the span ids each claim cites) and the verdicts on those claims you may see (blind review
    applies). `format=csv`: a header row, then one row for each verdict you may see on each claim of
    your workspaces (a claim without any: one row with empty verdict columns); `article_ids` and
    `source_urls` are space-separated. A CSV cell that would begin with `=`, `+`, `-`, `@`, a tab or a
    carriage return begins with `'` instead, so that no spreadsheet runs it as a formula (OWASP's rule);
    the JSON Lines are as stored.

    Args:
        format_ (ExportFormat | Unset):  Default: ExportFormat.JSONL.
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        format_=format_,
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
    format_: ExportFormat | Unset = ExportFormat.JSONL,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Problem | str | None:
    """Export everything you can see

     Streams, so it suits databases of any size. `format=jsonl` (the default): one JSON object per line
    for each article of your workspaces, oldest first, with its spans, the claims citing them (`spans`:
    all the span ids each claim cites) and the verdicts on those claims you may see (blind review
    applies). `format=csv`: a header row, then one row for each verdict you may see on each claim of
    your workspaces (a claim without any: one row with empty verdict columns); `article_ids` and
    `source_urls` are space-separated. A CSV cell that would begin with `=`, `+`, `-`, `@`, a tab or a
    carriage return begins with `'` instead, so that no spreadsheet runs it as a formula (OWASP's rule);
    the JSON Lines are as stored.

    Args:
        format_ (ExportFormat | Unset):  Default: ExportFormat.JSONL.
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        format_=format_,
        workspace=workspace,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = ExportFormat.JSONL,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[Problem | str]:
    """Export everything you can see

     Streams, so it suits databases of any size. `format=jsonl` (the default): one JSON object per line
    for each article of your workspaces, oldest first, with its spans, the claims citing them (`spans`:
    all the span ids each claim cites) and the verdicts on those claims you may see (blind review
    applies). `format=csv`: a header row, then one row for each verdict you may see on each claim of
    your workspaces (a claim without any: one row with empty verdict columns); `article_ids` and
    `source_urls` are space-separated. A CSV cell that would begin with `=`, `+`, `-`, `@`, a tab or a
    carriage return begins with `'` instead, so that no spreadsheet runs it as a formula (OWASP's rule);
    the JSON Lines are as stored.

    Args:
        format_ (ExportFormat | Unset):  Default: ExportFormat.JSONL.
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        format_=format_,
        workspace=workspace,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = ExportFormat.JSONL,
    workspace: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Problem | str | None:
    """Export everything you can see

     Streams, so it suits databases of any size. `format=jsonl` (the default): one JSON object per line
    for each article of your workspaces, oldest first, with its spans, the claims citing them (`spans`:
    all the span ids each claim cites) and the verdicts on those claims you may see (blind review
    applies). `format=csv`: a header row, then one row for each verdict you may see on each claim of
    your workspaces (a claim without any: one row with empty verdict columns); `article_ids` and
    `source_urls` are space-separated. A CSV cell that would begin with `=`, `+`, `-`, `@`, a tab or a
    carriage return begins with `'` instead, so that no spreadsheet runs it as a formula (OWASP's rule);
    the JSON Lines are as stored.

    Args:
        format_ (ExportFormat | Unset):  Default: ExportFormat.JSONL.
        workspace (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            workspace=workspace,
            x_request_id=x_request_id,
        )
    ).parsed
