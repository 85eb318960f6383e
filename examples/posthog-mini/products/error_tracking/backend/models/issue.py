import uuid

from django.conf import settings
from django.db import models


class ErrorTrackingIssue(models.Model):
    class Status(models.TextChoices):
        ARCHIVED = "archived", "Archived"
        ACTIVE = "active", "Active"
        RESOLVED = "resolved", "Resolved"
        PENDING_RELEASE = "pending_release", "Pending release"
        SUPPRESSED = "suppressed", "Suppressed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    team_id = models.BigIntegerField(db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, blank=True)
    status = models.CharField(max_length=40, choices=Status.choices, default=Status.ACTIVE)
    name = models.TextField(null=True, blank=True)
    description = models.TextField(null=True, blank=True)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged")
    subscribers = models.ManyToManyField("posthog.User", blank=True, related_name="error_tracking_subscriptions")
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        indexes = [models.Index(fields=["team_id", "status"], name="error_tracking_issue_status")]

    def merge(self, issue_ids: list[uuid.UUID]) -> None:
        from .fingerprint import ErrorTrackingIssueFingerprint

        fingerprints = ErrorTrackingIssueFingerprint.objects.filter(team_id=self.team_id, issue_id__in=issue_ids)
        fingerprints.update(issue=self)
        ErrorTrackingIssue.objects.filter(team_id=self.team_id, id__in=issue_ids).update(merged_into=self)


class ErrorTrackingIssueAssignment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    issue = models.OneToOneField("ErrorTrackingIssue", on_delete=models.CASCADE, related_name="assignment")
    user_id = models.BigIntegerField(null=True, blank=True)
    role_id = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

