from django.apps import apps
from django.db.models.signals import post_save
from django.dispatch import receiver

from posthog.models import Organization, Team


@receiver(post_save, sender=Organization)
def create_default_project(sender, instance: Organization, created: bool, **kwargs):
    if created and not instance.teams.exists():
        Team.objects.create(organization=instance, name="Default project")


@receiver(post_save, sender=Team)
def count_flags(sender, instance: Team, created: bool, **kwargs):
    FeatureFlag = apps.get_model("posthog", "FeatureFlag")
    if created:
        FeatureFlag.objects.filter(team_id=instance.id).count()
