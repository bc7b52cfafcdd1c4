from enum import StrEnum


class ProblemTypeEnum(StrEnum):
    URNFACTCHECKPROBLEMAUTHENTICATION_FAILED = "urn:factcheck:problem:authentication-failed"
    URNFACTCHECKPROBLEMBAD_REQUEST = "urn:factcheck:problem:bad-request"
    URNFACTCHECKPROBLEMCONFLICT = "urn:factcheck:problem:conflict"
    URNFACTCHECKPROBLEMIDEMPOTENCY_KEY_IN_PROGRESS = "urn:factcheck:problem:idempotency-key-in-progress"
    URNFACTCHECKPROBLEMIDEMPOTENCY_KEY_REUSED = "urn:factcheck:problem:idempotency-key-reused"
    URNFACTCHECKPROBLEMINVALID_IDEMPOTENCY_KEY = "urn:factcheck:problem:invalid-idempotency-key"
    URNFACTCHECKPROBLEMLENGTH_REQUIRED = "urn:factcheck:problem:length-required"
    URNFACTCHECKPROBLEMMETHOD_NOT_ALLOWED = "urn:factcheck:problem:method-not-allowed"
    URNFACTCHECKPROBLEMNOT_ACCEPTABLE = "urn:factcheck:problem:not-acceptable"
    URNFACTCHECKPROBLEMNOT_AUTHENTICATED = "urn:factcheck:problem:not-authenticated"
    URNFACTCHECKPROBLEMNOT_FOUND = "urn:factcheck:problem:not-found"
    URNFACTCHECKPROBLEMPARSE_ERROR = "urn:factcheck:problem:parse-error"
    URNFACTCHECKPROBLEMPERMISSION_DENIED = "urn:factcheck:problem:permission-denied"
    URNFACTCHECKPROBLEMPRECONDITION_FAILED = "urn:factcheck:problem:precondition-failed"
    URNFACTCHECKPROBLEMREQUEST_TOO_LARGE = "urn:factcheck:problem:request-too-large"
    URNFACTCHECKPROBLEMSERVER_ERROR = "urn:factcheck:problem:server-error"
    URNFACTCHECKPROBLEMTHROTTLED = "urn:factcheck:problem:throttled"
    URNFACTCHECKPROBLEMUNSUPPORTED_MEDIA_TYPE = "urn:factcheck:problem:unsupported-media-type"
    URNFACTCHECKPROBLEMVALIDATION_ERROR = "urn:factcheck:problem:validation-error"

    def __str__(self) -> str:
        return str(self.value)
