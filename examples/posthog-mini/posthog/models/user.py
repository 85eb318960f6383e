from django.contrib.auth.models import AbstractUser
from django.db import models

from posthog.models.utils import UUIDModel, generate_random_token


class User(AbstractUser):
    uuid = models.UUIDField(unique=True, editable=False)
    current_organization = models.ForeignKey(
        "posthog.Organization", models.SET_NULL, null=True, related_name="users_currently+"
    )
    current_team = models.ForeignKey("posthog.Team", models.SET_NULL, null=True, related_name="teams_currently+")
    distinct_id = models.CharField(max_length=200, null=True, blank=True, unique=True)
    email_opt_in = models.BooleanField(default=False, null=True, blank=True)
    is_email_verified = models.BooleanField(null=True, blank=True)

    @property
    def teams(self):
        from posthog.models.team import Team

        return Team.objects.filter(organization__members=self)


class PersonalAPIKey(UUIDModel):
    user = models.ForeignKey(to="posthog.User", on_delete=models.CASCADE, related_name="personal_api_keys")
    label = models.CharField(max_length=40)
    secure_value = models.CharField(max_length=300, unique=True, null=True, default=generate_random_token)
    last_used_at = models.DateTimeField(null=True, blank=True)
