from django.db import models

from posthog.models.utils import UUIDModel


class Organization(UUIDModel):
    class PluginsAccessLevel(models.IntegerChoices):
        NONE = 0, "none"
        CONFIG = 3, "config"
        INSTALL = 6, "install"
        ROOT = 9, "root"

    members = models.ManyToManyField(
        "posthog.User",
        through="posthog.OrganizationMembership",
        related_name="organizations",
        related_query_name="organization",
    )
    name = models.CharField(max_length=64)
    slug = models.SlugField(max_length=48, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    plugins_access_level = models.PositiveSmallIntegerField(
        default=PluginsAccessLevel.CONFIG,
        choices=PluginsAccessLevel.choices,
    )

    def __str__(self) -> str:
        return self.name


class OrganizationMembership(UUIDModel):
    class Level(models.IntegerChoices):
        MEMBER = 1, "member"
        ADMIN = 8, "administrator"
        OWNER = 15, "owner"

    organization = models.ForeignKey(
        "posthog.Organization",
        on_delete=models.CASCADE,
        related_name="memberships",
        related_query_name="membership",
    )
    user = models.ForeignKey(
        "posthog.User",
        on_delete=models.CASCADE,
        related_name="organization_memberships",
        related_query_name="organization_membership",
    )
    level = models.PositiveSmallIntegerField(default=Level.MEMBER, choices=Level.choices)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization_id", "user_id"], name="unique_organization_membership"),
        ]
