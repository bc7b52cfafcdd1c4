"""Web Annotations imported as spans."""

from __future__ import annotations

from drf_spectacular.utils import (
    extend_schema,
)
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api import examples
from annotations.interop import services as interop_services
from annotations.interop.api.serializers import AnnotationImportSerializer, ImportReportSerializer
from annotations.workspaces import access


class AnnotationImportView(APIView):
    """Spans from W3C Web Annotations or a Hypothesis export."""

    extra_error_codes = ("403",)

    @extend_schema(
        summary="Import Web Annotations as spans",
        description=(
            "Each annotation's TextQuoteSelector (exact, prefix, suffix) and "
            "TextPositionSelector (start, end) are found in the article's body; where the two "
            "disagree, the quote wins. Each item is reported created, exists (an annotation "
            "with this id was imported before: importing is idempotent) or rejected with the "
            "reason. Annotators and editors of the article's workspace."
        ),
        request=AnnotationImportSerializer,
        responses={200: ImportReportSerializer},
        examples=examples.IMPORT_EXAMPLES,
    )
    def post(self, request: Request) -> Response:
        upload = AnnotationImportSerializer(data=request.data, context={"request": request})
        upload.is_valid(raise_exception=True)
        article = upload.validated_data["article"]
        access.require_role(request.user, article.workspace_id, access.ROLES_THAT_ANNOTATE)
        results = interop_services.annotations_import(
            article, upload.validated_data["annotations"], by=request.user
        )
        return Response(ImportReportSerializer({"results": results}).data)
