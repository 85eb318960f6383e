import uuid

from django.db import models


class ErrorTrackingIssueFingerprint(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    team_id = models.BigIntegerField(db_index=True)
    issue = models.ForeignKey("error_tracking.ErrorTrackingIssue", on_delete=models.CASCADE, related_name="fingerprints")
    fingerprint = models.TextField()
    version = models.BigIntegerField(blank=True, default=0)
    first_seen = models.DateTimeField(null=True, auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team_id", "fingerprint"], name="error_tracking_unique_fingerprint"),
        ]


class ErrorTrackingSymbolSet(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    team_id = models.BigIntegerField(db_index=True)
    ref = models.TextField()
    storage_ptr = models.TextField(null=True)
    failure_reason = models.TextField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
