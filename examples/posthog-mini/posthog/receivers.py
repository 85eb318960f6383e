from django.db.models.signals import post_save
from django.dispatch import receiver

from posthog.models import Organization, Team


@receiver(post_save, sender=Organization)
def create_default_project(sender, instance: Organization, created: bool, **kwargs):
    if created and not instance.teams.exists():
        Team.objects.create(organization=instance, name="Default project")
