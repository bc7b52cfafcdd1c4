"""Contains all the data models used in inputs/outputs"""

from .action_enum import ActionEnum
from .agreement import Agreement
from .anchor_state_enum import AnchorStateEnum
from .annotation_import_request import AnnotationImportRequest
from .annotation_page import AnnotationPage
from .annotation_page_type_enum import AnnotationPageTypeEnum
from .annotation_target import AnnotationTarget
from .archive_report import ArchiveReport
from .archive_result import ArchiveResult
from .article import Article
from .article_annotations import ArticleAnnotations
from .article_changed import ArticleChanged
from .article_request import ArticleRequest
from .article_revision import ArticleRevision
from .article_revision_detail import ArticleRevisionDetail
from .articles_annotations_w3c_format import ArticlesAnnotationsW3CFormat
from .articles_list_ordering_item import ArticlesListOrderingItem
from .auth_token import AuthToken
from .change import Change
from .claim import Claim
from .claim_created import ClaimCreated
from .claim_link_request import ClaimLinkRequest
from .claim_request import ClaimRequest
from .claim_review import ClaimReview
from .claim_review_feed import ClaimReviewFeed
from .claim_review_type_enum import ClaimReviewTypeEnum
from .claim_status_enum import ClaimStatusEnum
from .claim_type_enum import ClaimTypeEnum
from .claimant import Claimant
from .claimant_type_enum import ClaimantTypeEnum
from .claimreviews_feed_format import ClaimreviewsFeedFormat
from .claimreviews_import_json_body_type_0 import ClaimreviewsImportJsonBodyType0
from .claims_claimreview_format import ClaimsClaimreviewFormat
from .claims_list_ordering_item import ClaimsListOrderingItem
from .claims_list_status import ClaimsListStatus
from .creative_work import CreativeWork
from .creative_work_type_enum import CreativeWorkTypeEnum
from .creator import Creator
from .creator_type_enum import CreatorTypeEnum
from .credentials_request import CredentialsRequest
from .data_feed_type_enum import DataFeedTypeEnum
from .export_format import ExportFormat
from .field_error import FieldError
from .format_enum import FormatEnum
from .history_entry import HistoryEntry
from .import_report import ImportReport
from .import_result import ImportResult
from .import_result_status_enum import ImportResultStatusEnum
from .krippendorff_alpha import KrippendorffAlpha
from .linked_claim import LinkedClaim
from .linked_claim_purpose_enum import LinkedClaimPurposeEnum
from .match_explanation import MatchExplanation
from .match_stages import MatchStages
from .matched_term import MatchedTerm
from .me import Me
from .membership import Membership
from .membership_request import MembershipRequest
from .offset_unit_enum import OffsetUnitEnum
from .organization import Organization
from .organization_type_enum import OrganizationTypeEnum
from .paginated_article_list import PaginatedArticleList
from .paginated_article_revision_list import PaginatedArticleRevisionList
from .paginated_claim_list import PaginatedClaimList
from .paginated_history_entry_list import PaginatedHistoryEntryList
from .paginated_membership_list import PaginatedMembershipList
from .paginated_search_hit_list import PaginatedSearchHitList
from .paginated_span_list import PaginatedSpanList
from .paginated_verdict_list import PaginatedVerdictList
from .paginated_workspace_list import PaginatedWorkspaceList
from .pair_kappa import PairKappa
from .patched_article_request import PatchedArticleRequest
from .patched_claim_request import PatchedClaimRequest
from .patched_membership_request import PatchedMembershipRequest
from .patched_rating_request import PatchedRatingRequest
from .patched_span_request import PatchedSpanRequest
from .patched_verdict_request import PatchedVerdictRequest
from .problem import Problem
from .problem_type_enum import ProblemTypeEnum
from .published_verdict import PublishedVerdict
from .rating import Rating
from .rating_request import RatingRequest
from .rating_type_enum import RatingTypeEnum
from .reanchor_counts import ReanchorCounts
from .reanchor_report import ReanchorReport
from .reanchor_spans import ReanchorSpans
from .review_rating import ReviewRating
from .reviewed_claim import ReviewedClaim
from .role_enum import RoleEnum
from .schema_org_context_enum import SchemaOrgContextEnum
from .search_hit import SearchHit
from .search_hit_type_enum import SearchHitTypeEnum
from .search_type import SearchType
from .similar_claim import SimilarClaim
from .source import Source
from .source_request import SourceRequest
from .span import Span
from .span_request import SpanRequest
from .spans_list_anchor_state import SpansListAnchorState
from .spans_list_ordering_item import SpansListOrderingItem
from .spans_retrieve_format import SpansRetrieveFormat
from .target_state import TargetState
from .text_position_selector import TextPositionSelector
from .text_position_selector_type_enum import TextPositionSelectorTypeEnum
from .text_quote_selector import TextQuoteSelector
from .text_quote_selector_type_enum import TextQuoteSelectorTypeEnum
from .textual_body import TextualBody
from .textual_body_purpose_enum import TextualBodyPurposeEnum
from .textual_body_type_enum import TextualBodyTypeEnum
from .verdict import Verdict
from .verdict_request import VerdictRequest
from .verdict_state_enum import VerdictStateEnum
from .verdicts_list_ordering_item import VerdictsListOrderingItem
from .verdicts_list_state import VerdictsListState
from .web_annotation import WebAnnotation
from .web_annotation_context_enum import WebAnnotationContextEnum
from .web_annotation_type_enum import WebAnnotationTypeEnum
from .workspace import Workspace

__all__ = (
    "ActionEnum",
    "Agreement",
    "AnchorStateEnum",
    "AnnotationImportRequest",
    "AnnotationPage",
    "AnnotationPageTypeEnum",
    "AnnotationTarget",
    "ArchiveReport",
    "ArchiveResult",
    "Article",
    "ArticleAnnotations",
    "ArticleChanged",
    "ArticleRequest",
    "ArticleRevision",
    "ArticleRevisionDetail",
    "ArticlesAnnotationsW3CFormat",
    "ArticlesListOrderingItem",
    "AuthToken",
    "Change",
    "Claim",
    "Claimant",
    "ClaimantTypeEnum",
    "ClaimCreated",
    "ClaimLinkRequest",
    "ClaimRequest",
    "ClaimReview",
    "ClaimReviewFeed",
    "ClaimreviewsFeedFormat",
    "ClaimreviewsImportJsonBodyType0",
    "ClaimReviewTypeEnum",
    "ClaimsClaimreviewFormat",
    "ClaimsListOrderingItem",
    "ClaimsListStatus",
    "ClaimStatusEnum",
    "ClaimTypeEnum",
    "CreativeWork",
    "CreativeWorkTypeEnum",
    "Creator",
    "CreatorTypeEnum",
    "CredentialsRequest",
    "DataFeedTypeEnum",
    "ExportFormat",
    "FieldError",
    "FormatEnum",
    "HistoryEntry",
    "ImportReport",
    "ImportResult",
    "ImportResultStatusEnum",
    "KrippendorffAlpha",
    "LinkedClaim",
    "LinkedClaimPurposeEnum",
    "MatchedTerm",
    "MatchExplanation",
    "MatchStages",
    "Me",
    "Membership",
    "MembershipRequest",
    "OffsetUnitEnum",
    "Organization",
    "OrganizationTypeEnum",
    "PaginatedArticleList",
    "PaginatedArticleRevisionList",
    "PaginatedClaimList",
    "PaginatedHistoryEntryList",
    "PaginatedMembershipList",
    "PaginatedSearchHitList",
    "PaginatedSpanList",
    "PaginatedVerdictList",
    "PaginatedWorkspaceList",
    "PairKappa",
    "PatchedArticleRequest",
    "PatchedClaimRequest",
    "PatchedMembershipRequest",
    "PatchedRatingRequest",
    "PatchedSpanRequest",
    "PatchedVerdictRequest",
    "Problem",
    "ProblemTypeEnum",
    "PublishedVerdict",
    "Rating",
    "RatingRequest",
    "RatingTypeEnum",
    "ReanchorCounts",
    "ReanchorReport",
    "ReanchorSpans",
    "ReviewedClaim",
    "ReviewRating",
    "RoleEnum",
    "SchemaOrgContextEnum",
    "SearchHit",
    "SearchHitTypeEnum",
    "SearchType",
    "SimilarClaim",
    "Source",
    "SourceRequest",
    "Span",
    "SpanRequest",
    "SpansListAnchorState",
    "SpansListOrderingItem",
    "SpansRetrieveFormat",
    "TargetState",
    "TextPositionSelector",
    "TextPositionSelectorTypeEnum",
    "TextQuoteSelector",
    "TextQuoteSelectorTypeEnum",
    "TextualBody",
    "TextualBodyPurposeEnum",
    "TextualBodyTypeEnum",
    "Verdict",
    "VerdictRequest",
    "VerdictsListOrderingItem",
    "VerdictsListState",
    "VerdictStateEnum",
    "WebAnnotation",
    "WebAnnotationContextEnum",
    "WebAnnotationTypeEnum",
    "Workspace",
)
