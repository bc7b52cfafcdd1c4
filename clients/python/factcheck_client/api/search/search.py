import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_search_hit_list import PaginatedSearchHitList
from ...models.problem import Problem
from ...models.search_type import SearchType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    language: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    publisher: str | Unset = UNSET,
    q: str,
    since: datetime.date | Unset = UNSET,
    type_: SearchType | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-ID"] = x_request_id

    params: dict[str, Any] = {}

    params["language"] = language

    params["page"] = page

    params["page_size"] = page_size

    params["publisher"] = publisher

    params["q"] = q

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/search/",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedSearchHitList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedSearchHitList.from_dict(response.json())

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
) -> Response[PaginatedSearchHitList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    language: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    publisher: str | Unset = UNSET,
    q: str,
    since: datetime.date | Unset = UNSET,
    type_: SearchType | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[PaginatedSearchHitList | Problem]:
    """Search articles and claims

     Article titles and bodies and claim texts, ranked by relevance, each hit with a snippet whose
    matched words are marked. Query syntax as in a search box: words (all must occur), "quoted phrases",
    -excluded words, OR between alternatives. Words are matched by their stem in the article's (or
    claim's) language on PostgreSQL; on SQLite, with English stemming for all.

    Args:
        language (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        publisher (str | Unset):
        q (str):
        since (datetime.date | Unset):
        type_ (SearchType | Unset):
        until (datetime.date | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedSearchHitList | Problem]
    """

    kwargs = _get_kwargs(
        language=language,
        page=page,
        page_size=page_size,
        publisher=publisher,
        q=q,
        since=since,
        type_=type_,
        until=until,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    language: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    publisher: str | Unset = UNSET,
    q: str,
    since: datetime.date | Unset = UNSET,
    type_: SearchType | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> PaginatedSearchHitList | Problem | None:
    """Search articles and claims

     Article titles and bodies and claim texts, ranked by relevance, each hit with a snippet whose
    matched words are marked. Query syntax as in a search box: words (all must occur), "quoted phrases",
    -excluded words, OR between alternatives. Words are matched by their stem in the article's (or
    claim's) language on PostgreSQL; on SQLite, with English stemming for all.

    Args:
        language (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        publisher (str | Unset):
        q (str):
        since (datetime.date | Unset):
        type_ (SearchType | Unset):
        until (datetime.date | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedSearchHitList | Problem
    """

    return sync_detailed(
        client=client,
        language=language,
        page=page,
        page_size=page_size,
        publisher=publisher,
        q=q,
        since=since,
        type_=type_,
        until=until,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    language: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    publisher: str | Unset = UNSET,
    q: str,
    since: datetime.date | Unset = UNSET,
    type_: SearchType | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[PaginatedSearchHitList | Problem]:
    """Search articles and claims

     Article titles and bodies and claim texts, ranked by relevance, each hit with a snippet whose
    matched words are marked. Query syntax as in a search box: words (all must occur), "quoted phrases",
    -excluded words, OR between alternatives. Words are matched by their stem in the article's (or
    claim's) language on PostgreSQL; on SQLite, with English stemming for all.

    Args:
        language (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        publisher (str | Unset):
        q (str):
        since (datetime.date | Unset):
        type_ (SearchType | Unset):
        until (datetime.date | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedSearchHitList | Problem]
    """

    kwargs = _get_kwargs(
        language=language,
        page=page,
        page_size=page_size,
        publisher=publisher,
        q=q,
        since=since,
        type_=type_,
        until=until,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    language: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    publisher: str | Unset = UNSET,
    q: str,
    since: datetime.date | Unset = UNSET,
    type_: SearchType | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> PaginatedSearchHitList | Problem | None:
    """Search articles and claims

     Article titles and bodies and claim texts, ranked by relevance, each hit with a snippet whose
    matched words are marked. Query syntax as in a search box: words (all must occur), "quoted phrases",
    -excluded words, OR between alternatives. Words are matched by their stem in the article's (or
    claim's) language on PostgreSQL; on SQLite, with English stemming for all.

    Args:
        language (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        publisher (str | Unset):
        q (str):
        since (datetime.date | Unset):
        type_ (SearchType | Unset):
        until (datetime.date | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedSearchHitList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            language=language,
            page=page,
            page_size=page_size,
            publisher=publisher,
            q=q,
            since=since,
            type_=type_,
            until=until,
            x_request_id=x_request_id,
        )
    ).parsed
