from django.core.cache import cache
from django.db import models

from posthog.models.utils import CreatedMetaFields, UpdatedMetaFields

FLAGS_CACHE_TTL = 60 * 60 * 24


class FeatureFlag(CreatedMetaFields, UpdatedMetaFields, models.Model):
    key = models.CharField(max_length=400)
    name = models.TextField(blank=True)
    filters = models.JSONField(default=dict)
    rollout_percentage = models.IntegerField(null=True, blank=True)
    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE, related_name="+")
    deleted = models.BooleanField(default=False)
    active = models.BooleanField(default=True)
    ensure_experience_continuity = models.BooleanField(default=False, null=True, blank=True)
    usage_dashboard = models.ForeignKey("posthog.Dashboard", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    analytics_dashboards = models.ManyToManyField(
        "posthog.Dashboard",
        through="FeatureFlagDashboards",
        related_name="+",
        related_query_name="analytics_dashboard",
        blank=True,
    )

    class Meta:
        db_table = "posthog_featureflag"
        constraints = [models.UniqueConstraint(fields=["team", "key"], name="unique key for team")]

    def __str__(self) -> str:
        return f"{self.key} ({self.pk})"

    @property
    def variants(self) -> list[dict]:
        return self.filters.get("multivariate", {}).get("variants", []) if self.filters else []


class FeatureFlagHashKeyOverride(models.Model):
    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey("posthog.Person", on_delete=models.CASCADE, related_name="+")
    feature_flag_key = models.CharField(max_length=400)
    hash_key = models.CharField(max_length=400)

    class Meta:
        db_table = "posthog_featureflaghashkeyoverride"
        constraints = [
            models.UniqueConstraint(fields=["team", "person", "feature_flag_key"], name="Unique hash_key for a user/team/feature_flag combo"),
        ]


class FeatureFlagDashboards(models.Model):
    feature_flag = models.ForeignKey("FeatureFlag", on_delete=models.CASCADE)
    dashboard = models.ForeignKey("posthog.Dashboard", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, null=True)

    class Meta:
        db_table = "posthog_featureflagdashboards"


def get_feature_flags_for_team_in_cache(team_id: int) -> list[FeatureFlag] | None:
    cached = cache.get(f"team_feature_flags_{team_id}")
    if cached is None:
        return None
    return [FeatureFlag(**row) for row in cached]
