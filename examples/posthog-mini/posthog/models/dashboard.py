from django.contrib.contenttypes.models import ContentType
from django.db import models

from posthog.models.utils import CreatedMetaFields


class Dashboard(CreatedMetaFields, models.Model):
    class CreationMode(models.TextChoices):
        DEFAULT = "default", "Default"
        TEMPLATE = "template", "Template"
        DUPLICATE = "duplicate", "Duplicate"

    name = models.CharField(max_length=400, null=True, blank=True)
    description = models.TextField(blank=True)
    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)
    pinned = models.BooleanField(default=False)
    deleted = models.BooleanField(default=False)
    creation_mode = models.CharField(max_length=16, default=CreationMode.DEFAULT, choices=CreationMode.choices)
    filters = models.JSONField(default=dict)
    source_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)

    def __str__(self) -> str:
        return self.name or str(self.id)
