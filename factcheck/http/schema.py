"""OpenAPI generation: the error responses every operation can give, documented once, with
one shared ``Problem`` component."""

from typing import Any

from drf_spectacular import openapi
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema_serializer,
)
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated

from factcheck.http.idempotency import EXEMPT_PATHS
from factcheck.http.problems import CONTENT_TYPE, PROBLEM_CODES, problem, problem_type


class FieldErrorSerializer(serializers.Serializer[Any]):
    field = serializers.CharField(
        allow_null=True,
        help_text="Path of the field at fault, nested fields by dots (`sources.0.url`); "
        "null for the request as a whole.",
    )
    code = serializers.CharField(help_text="Machine-readable, e.g. `required`, `invalid`.")
    message = serializers.CharField(help_text="What is wrong, for people.")


SOMETIMES_ABSENT = "x-sometimes-absent"
"""A component's list of the response fields it leaves out in some cases, set with
``extend_schema_serializer(extensions={SOMETIMES_ABSENT: [...]})``; every other field of a
response is always there, and ``exact_contract`` says so."""

PROBLEM_TYPES = sorted(problem_type(code) for code in PROBLEM_CODES)


@extend_schema_serializer(extensions={SOMETIMES_ABSENT: ["errors"]})
class ProblemSerializer(serializers.Serializer[Any]):
    """An RFC 9457 problem document, the body of every error response."""

    type = serializers.ChoiceField(
        choices=PROBLEM_TYPES,
        help_text="URI naming the kind of problem, e.g. `urn:factcheck:problem:not-found`.",
    )
    title = serializers.CharField(help_text="The HTTP status phrase.")
    status = serializers.IntegerField(help_text="The HTTP status code.")
    detail = serializers.CharField(help_text="What went wrong this time, for people.")

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        # Declared here because a class attribute would shadow Serializer.errors.
        fields["errors"] = FieldErrorSerializer(
            many=True, required=False, help_text="Validation problems only: each field at fault."
        )
        return fields


def _problem(status: int, code: str, description: str, detail: str, **extra: Any) -> Any:
    return OpenApiResponse(
        ProblemSerializer,
        description=description,
        examples=[
            OpenApiExample(
                "Problem", value=problem(status, code, detail, **extra), response_only=True
            )
        ],
    )


ERRORS: dict[str, OpenApiResponse] = {
    "400": _problem(
        400,
        "validation_error",
        "The request is invalid; `errors` names each field at fault.",
        "Invalid value for end, sources.0.url.",
        errors=[
            {"field": "end", "code": "invalid", "message": "Must be greater than start (12)."},
            {"field": "sources.0.url", "code": "invalid", "message": "Enter a valid URL."},
        ],
    ),
    "401": _problem(
        401,
        "not_authenticated",
        "No valid credentials were given.",
        "Authentication credentials were not provided.",
    ),
    "403": _problem(
        403,
        "permission_denied",
        "Your role does not allow this.",
        "Only its author or an editor of the workspace may change this.",
    ),
    "404": _problem(
        404,
        "not_found",
        "No such resource in your workspaces.",
        "No Article matches the given query.",
    ),
    "409": _problem(
        409,
        "conflict",
        "The data's current state forbids this, for example deleting something other records "
        "depend on. Nothing was changed.",
        "Cannot delete this: 2 spans still depend on it. Remove those first.",
    ),
    "304": OpenApiResponse(
        None, description="Not modified: the ETag in If-None-Match is still current."
    ),
    "412": _problem(
        412,
        "precondition_failed",
        "The resource changed since it was read: If-Match holds an old ETag. Nothing was "
        "changed; read it again and retry.",
        "The resource changed since you read it (its ETag differs from If-Match).",
    ),
    "413": _problem(
        413,
        "request_too_large",
        "The request body is larger than the server accepts. Nothing was stored.",
        "The request body is 3000000 bytes; the limit is 2621440.",
    ),
    "422": _problem(
        422,
        "idempotency-key-reused",
        "The Idempotency-Key was used before for a different request. Nothing was done.",
        "This Idempotency-Key was used for a different request (method, path or body). "
        "Use a new key for a new request.",
    ),
    "429": _problem(
        429,
        "throttled",
        "Too many requests; Retry-After says in how many seconds to try again.",
        "Request was throttled. Expected available in 12 seconds.",
    ),
    "415": _problem(
        415,
        "unsupported_media_type",
        "The request body is not JSON.",
        'Unsupported media type "text/plain" in request.',
    ),
}


def _header(name: str, description: str, response: Any = False, kind: Any = str) -> Any:
    return OpenApiParameter(
        name, kind, OpenApiParameter.HEADER, description=description, response=response
    )


REQUEST_ID = _header(
    "X-Request-ID",
    "The request's id: the client's X-Request-ID if it sent one, else a new one.",
    response=True,
)
REQUEST_ID_SENT = OpenApiParameter(
    "X-Request-ID",
    str,
    OpenApiParameter.HEADER,
    description="Your id for this request, to find it in the server's logs and its history "
    "entries; answered in the response's X-Request-ID. 1 to 200 of `A-Z a-z 0-9 . _ : -`: "
    "without it, or with another value, the server makes one (and never refuses the request).",
)
ETAG = _header(
    "ETag",
    "Version of the representation; send it back in If-None-Match or If-Match.",
    response=["200", "201", "304"],
)
LOCATION = _header("Location", "The URL of the resource created.", response=["201"])
IF_NONE_MATCH = _header("If-None-Match", "An ETag; answers 304 if it is still current.")
IF_MATCH = _header("If-Match", "An ETag; the change is made only if it is still current, else 412.")
RETRY_AFTER = _header("Retry-After", "Seconds to wait.", response=["409", "429"], kind=int)
IDEMPOTENCY_KEY = _header(
    "Idempotency-Key",
    "Up to 255 printable ASCII characters, yours alone, kept 24 hours. A retry with the same "
    "key and body gets the first response again instead of a second creation; with another "
    "body, 422; while the first still runs, 409. 5xx, 409 and 429 answers are not kept, and "
    "a first request that never finished (its server died) frees the key after "
    "FACTCHECK_IDEMPOTENCY_LEASE_SECONDS.",
)
IDEMPOTENT_REPLAYED = _header(
    "Idempotent-Replayed", "`true` on a response replayed for an Idempotency-Key.", ["200", "201"]
)


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """The API's token as an HTTP bearer scheme: Swagger UI's Authorize dialog and generated
    clients take the bare key and send ``Authorization: Bearer <key>``."""

    # A path, not the class: this layer imports no domain code.
    target_class = "annotations.workspaces.api.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "The token from `POST /api/v1/auth/token/`, sent as "
            "`Authorization: Bearer <token>` (or `Authorization: Token <token>`). In Swagger "
            "UI's Authorize dialog, paste the token alone.",
        }


CRUD_ACTIONS = frozenset({"list", "create", "retrieve", "update", "partial_update", "destroy"})


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema, plus the error responses and headers that apply to each
    operation."""

    def get_operation_id(self) -> str:
        """drf-spectacular's ids, read as method names: CRUD keeps its verbs
        (``articles_list``, ``claims_partial_update``); an action or a view of its own is named
        by what it is (``claims_similar``, ``verdicts_publish``, ``me``), not by its HTTP verb
        (``claims_similar_list``, ``verdicts_publish_create``, ``me_retrieve``)."""
        operation_id: str = super().get_operation_id()
        if getattr(self.view, "action", None) in CRUD_ACTIONS:
            return operation_id
        for verb in ("_list", "_create", "_retrieve", "_partial_update", "_update", "_destroy"):
            if operation_id.endswith(verb):
                return operation_id.removesuffix(verb)
        return operation_id

    def _conditional(self) -> bool:
        single = getattr(self.view, "single_resource", None)
        return bool(single and single())

    def get_override_parameters(self) -> list[Any]:
        parameters = [
            *super().get_override_parameters(),
            REQUEST_ID,
            REQUEST_ID_SENT,
            RETRY_AFTER,
        ]
        if self._conditional():
            parameters.append(ETAG)
            if self.method == "GET":
                parameters.append(IF_NONE_MATCH)
            if self.method in {"PUT", "PATCH"}:
                parameters.append(IF_MATCH)
        if self.method == "DELETE" and hasattr(self.view, "single_resource"):
            parameters.append(IF_MATCH)
        if self._idempotent():
            parameters.extend([IDEMPOTENCY_KEY, IDEMPOTENT_REPLAYED])
        if getattr(self.view, "action", None) == "create":
            parameters.append(LOCATION)
        return parameters

    def _idempotent(self) -> bool:
        """POSTs the Idempotency-Key middleware serves: authenticated, under /api/v1/."""
        return (
            self.method == "POST"
            and self.path.startswith("/api/v1/")
            and self.path not in EXEMPT_PATHS
            and self._authenticated()
        )

    def _authenticated(self) -> bool:
        return any(
            isinstance(permission, IsAuthenticated) for permission in self.view.get_permissions()
        )

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        for code in self._error_codes():
            if code not in responses:
                media_types = None if code == "304" else [CONTENT_TYPE]
                responses[code] = self._get_response_for_code(
                    ERRORS[code], code, media_types=media_types
                )
        return dict(sorted(responses.items()))

    def _error_codes(self) -> list[str]:
        writes = self.method in {"POST", "PUT", "PATCH", "DELETE"}
        has_body = self.method in {"POST", "PUT", "PATCH"} and bool(self.get_request_serializer())
        authenticated = self._authenticated()
        codes = []
        if (writes and self.method != "DELETE") or self._is_list_view():
            codes.append("400")
        if authenticated:
            codes.append("401")
            if writes:
                codes.append("403")
        if "{" in self.path or self._is_list_view():
            codes.append("404")  # for a list, a page past the last
        if writes and authenticated:
            codes.append("409")
        if has_body:
            codes.extend(["413", "415"])
        codes.append("429")
        if self._idempotent():
            codes.extend(["400", "409", "422"])
        if self._conditional() and self.method == "GET":
            codes.append("304")
        if hasattr(self.view, "single_resource") and self.method in {"PUT", "PATCH", "DELETE"}:
            codes.append("412")
        codes.extend(getattr(self.view, "extra_error_codes", ()))
        return sorted(set(codes))


def link_created_resources(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: OpenAPI links from each creation to what can be done
    with what it created (``POST /articles/`` → ``GET``, ``PATCH``, ``DELETE``
    ``/articles/{id}/``, its sub-resources and actions), the new resource's key taken from the
    response's body. Generated clients and Schemathesis' stateful tests follow them."""
    paths: dict[str, dict[str, Any]] = result["paths"]
    for collection, item in paths.items():
        created = item.get("post", {}).get("responses", {}).get("201")
        if created is None:
            continue
        links: dict[str, Any] = {}
        for path, operations in paths.items():
            if not path.startswith(collection + "{"):
                continue
            key = path[len(collection) + 1 : path.index("}", len(collection))]
            for operation in operations.values():
                needed = [p["name"] for p in operation.get("parameters", []) if p["in"] == "path"]
                # Known: the new resource's key, and what the creation's own path held.
                known = {
                    name: f"$response.body#/{name}" if name == key else f"$request.path.{name}"
                    for name in needed
                    if name == key or "{" + name + "}" in collection
                }
                if len(known) < len(needed):
                    continue
                links[operation["operationId"]] = {
                    "operationId": operation["operationId"],
                    "parameters": known,
                }
        if links:
            created["links"] = links
    return result


def exact_contract(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: the schema as generated clients should read it.

    - A response's fields are ``required``: the API always writes every field (null where it
      may be null), save those its serializer declares ``SOMETIMES_ABSENT``. drf-spectacular
      marks a field required in responses only when it is required in requests too.
    - A request field's server-side default is documented in words, not as ``default``, which
      generators read as "always sent", making an optional field required in their types.
    - A public operation declares no security requirement (``security: []``) rather than an
      empty alternative (``[{}]``), which some generators read as "needs credentials".
    - Every response says it carries X-Request-ID, bodiless ones (204, 304) too.
    - Components that no operation reaches are left out.
    """
    schemas: dict[str, Any] = result.get("components", {}).get("schemas", {})
    for name, component in schemas.items():
        properties = component.get("properties")
        if not properties:
            continue
        if name.endswith("Request"):
            for field in properties.values():
                if "default" in field:
                    default = field.pop("default")
                    said = f"Default when left out: `{_literal(default)}`."
                    field["description"] = f"{field.get('description', '')}\n\n{said}".strip()
        else:
            optional = component.pop(SOMETIMES_ABSENT, [])
            component["required"] = [field for field in properties if field not in optional]
    for operations in result["paths"].values():
        for operation in operations.values():
            if {} in operation.get("security", []):
                operation["security"] = []
            for response in operation.get("responses", {}).values():
                # drf-spectacular gives headers to responses with a body only (not 204, 304).
                response.setdefault("headers", {}).setdefault(
                    REQUEST_ID.name,
                    {"schema": {"type": "string"}, "description": REQUEST_ID.description},
                )
    reached = _reached(result["paths"], schemas)
    result["components"]["schemas"] = {
        name: component for name, component in schemas.items() if name in reached
    }
    return result


def _literal(value: Any) -> str:
    return (
        "null" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
    )


def _reached(paths: dict[str, Any], schemas: dict[str, Any]) -> set[str]:
    """The components the operations refer to, directly or through other components."""
    reached: set[str] = set()
    waiting: list[Any] = [paths]
    while waiting:
        node = waiting.pop()
        if isinstance(node, dict):
            reference = node.get("$ref")
            if isinstance(reference, str) and reference.startswith("#/components/schemas/"):
                name = reference.rsplit("/", 1)[1]
                if name not in reached:
                    reached.add(name)
                    waiting.append(schemas.get(name, {}))
            waiting.extend(value for key, value in node.items() if key != "$ref")
        elif isinstance(node, list):
            waiting.extend(node)
    return reached
