from django.db import models
from django.utils import timezone

from posthog.models.utils import CreatedMetaFields, UpdatedMetaFields

from products.feature_flags.backend.models import FeatureFlag


class ExperimentHoldout(CreatedMetaFields, UpdatedMetaFields, models.Model):
    name = models.CharField(max_length=400)
    description = models.CharField(max_length=400, null=True, blank=True)
    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE, related_name="+")
    filters = models.JSONField(default=list)

    class Meta:
        db_table = "posthog_experimentholdout"


class Experiment(CreatedMetaFields, models.Model):
    class ExperimentType(models.TextChoices):
        WEB = "web", "web"
        PRODUCT = "product", "product"

    name = models.CharField(max_length=400)
    description = models.CharField(max_length=400, null=True, blank=True)
    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE, related_name="+")
    filters = models.JSONField(default=dict)
    parameters = models.JSONField(default=dict, null=True)
    feature_flag = models.ForeignKey(FeatureFlag, blank=False, on_delete=models.RESTRICT, related_name="+")
    holdout = models.ForeignKey("ExperimentHoldout", on_delete=models.SET_NULL, null=True)
    start_date = models.DateTimeField(null=True)
    end_date = models.DateTimeField(null=True)
    archived = models.BooleanField(default=False)
    deleted = models.BooleanField(default=False)
    type = models.CharField(max_length=40, choices=ExperimentType.choices, null=True, blank=True, default="product")
    saved_metrics = models.ManyToManyField(
        "experiments.ExperimentSavedMetric",
        blank=True,
        related_name="experiments",
        through="experiments.ExperimentToSavedMetric",
    )

    class Meta:
        db_table = "posthog_experiment"

    def __str__(self) -> str:
        return self.name or "Untitled"

    @property
    def is_running(self) -> bool:
        return self.start_date is not None and self.start_date <= timezone.now() and self.end_date is None


class ExperimentSavedMetric(CreatedMetaFields, UpdatedMetaFields, models.Model):
    name = models.CharField(max_length=400)
    description = models.CharField(max_length=400, null=True, blank=True)
    team = models.ForeignKey(to="posthog.Team", on_delete=models.CASCADE, related_name="+")
    query = models.JSONField()

    class Meta:
        db_table = "posthog_experimentsavedmetric"


class ExperimentToSavedMetric(models.Model):
    experiment = models.ForeignKey("Experiment", on_delete=models.CASCADE)
    saved_metric = models.ForeignKey("experiments.ExperimentSavedMetric", on_delete=models.CASCADE)
    metadata = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "posthog_experimenttosavedmetric"
        unique_together = ("experiment", "saved_metric")
