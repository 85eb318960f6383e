import uuid

from django.db import models


class Repo(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    team_id = models.BigIntegerField(db_index=True)
    name = models.CharField(max_length=255)
    default_branch = models.CharField(max_length=255, default="main")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team_id", "name"], name="visual_review_unique_repo_name")]


class Run(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending"
        PROCESSING = "processing"
        COMPLETED = "completed"
        FAILED = "failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    repo = models.ForeignKey("visual_review.Repo", on_delete=models.CASCADE, related_name="runs")
    team_id = models.BigIntegerField(db_index=True)
    branch = models.CharField(max_length=255)
    commit_sha = models.CharField(max_length=40)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    created_by_id = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)


class Snapshot(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    run = models.ForeignKey("Run", on_delete=models.CASCADE, related_name="snapshots")
    identifier = models.CharField(max_length=512)
    content_hash = models.CharField(max_length=64)
    baseline_hash = models.CharField(max_length=64, null=True, blank=True)
    diff_percentage = models.FloatField(null=True, blank=True)

    @property
    def changed(self) -> bool:
        return self.baseline_hash is not None and self.baseline_hash != self.content_hash


class Baseline(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    repo = models.ForeignKey("Repo", on_delete=models.CASCADE, related_name="baselines")
    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)
    identifier = models.CharField(max_length=512)
    content_hash = models.CharField(max_length=64)
    approved_by = models.ForeignKey("posthog.User", on_delete=models.SET_NULL, null=True, blank=True)
    approved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["repo", "identifier"], name="visual_review_unique_baseline"),
        ]
