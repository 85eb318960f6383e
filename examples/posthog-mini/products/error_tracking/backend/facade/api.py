from uuid import UUID

from ..models import ErrorTrackingIssue
from .contracts import Issue, IssueStatus


def get_issue(team_id: int, issue_id: UUID) -> Issue | None:
    issue = ErrorTrackingIssue.objects.filter(team_id=team_id, id=issue_id).prefetch_related("fingerprints").first()
    if issue is None:
        return None
    return Issue(
        id=issue.id,
        team_id=issue.team_id,
        name=issue.name,
        status=IssueStatus(issue.status),
        created_at=issue.created_at,
        fingerprints=tuple(fp.fingerprint for fp in issue.fingerprints.all()),
    )


def resolve_issue(team_id: int, issue_id: UUID) -> bool:
    updated = ErrorTrackingIssue.objects.filter(team_id=team_id, id=issue_id).update(
        status=ErrorTrackingIssue.Status.RESOLVED
    )
    return updated == 1
