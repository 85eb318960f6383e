from .fingerprint import ErrorTrackingIssueFingerprint, ErrorTrackingSymbolSet
from .issue import ErrorTrackingIssue, ErrorTrackingIssueAssignment

__all__ = [
    "ErrorTrackingIssue",
    "ErrorTrackingIssueAssignment",
    "ErrorTrackingIssueFingerprint",
    "ErrorTrackingSymbolSet",
]
