from django.core.validators import MinLengthValidator
from django.db import models

from posthog.models.utils import UUIDModel, generate_random_token


class TeamManager(models.Manager):
    def get_team_from_token(self, token: str | None):
        if not token:
            return None
        return self.filter(api_token=token).first()


class Team(UUIDModel):
    organization = models.ForeignKey(
        "posthog.Organization",
        on_delete=models.CASCADE,
        related_name="teams",
        related_query_name="team",
    )
    api_token = models.CharField(
        max_length=200,
        unique=True,
        default=generate_random_token,
        validators=[MinLengthValidator(10, "Project's API token must be at least 10 characters long!")],
    )
    name = models.CharField(max_length=200, default="Default project")
    timezone = models.CharField(max_length=240, default="UTC")
    autocapture_exceptions_opt_in = models.BooleanField(null=True, blank=True)
    session_recording_opt_in = models.BooleanField(default=False)

    objects = TeamManager()

    def __str__(self) -> str:
        return self.name or str(self.pk)


class TeamRevenueAnalyticsConfig(models.Model):
    team = models.OneToOneField("posthog.Team", on_delete=models.CASCADE, primary_key=True)
    base_currency = models.CharField(max_length=3, default="USD")
    filter_test_accounts = models.BooleanField(default=False)
