import pytest

from products.error_tracking.backend.facade import api
from products.error_tracking.backend.facade.contracts import IssueStatus
from products.error_tracking.backend.models import ErrorTrackingIssue, ErrorTrackingIssueFingerprint

pytestmark = pytest.mark.django_db(databases=["default", "error_tracking_db_writer", "error_tracking_db_reader"])


def test_merge_moves_fingerprints() -> None:
    primary = ErrorTrackingIssue.objects.create(team_id=1, name="TypeError")
    duplicate = ErrorTrackingIssue.objects.create(team_id=1, name="TypeError (dup)")
    ErrorTrackingIssueFingerprint.objects.create(team_id=1, issue=duplicate, fingerprint="fp-1")
    primary.merge([duplicate.id])
    assert list(primary.fingerprints.values_list("fingerprint", flat=True)) == ["fp-1"]


def test_resolve_issue_through_facade() -> None:
    issue = ErrorTrackingIssue.objects.create(team_id=1, name="KeyError")
    assert api.resolve_issue(1, issue.id)
    assert api.get_issue(1, issue.id).status == IssueStatus.RESOLVED
