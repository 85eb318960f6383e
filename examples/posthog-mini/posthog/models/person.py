from django.db import models


class Person(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, blank=True)
    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)
    properties = models.JSONField(default=dict)
    is_identified = models.BooleanField(default=False)
    uuid = models.UUIDField(db_index=True, editable=False)
    version = models.BigIntegerField(null=True, blank=True)

    @property
    def distinct_ids(self) -> list[str]:
        return [pdi.distinct_id for pdi in self.persondistinctid_set.all().order_by("id")]


class PersonDistinctId(models.Model):
    team = models.ForeignKey("Team", on_delete=models.CASCADE, db_index=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE)
    distinct_id = models.CharField(max_length=400)
    version = models.BigIntegerField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "distinct_id"], name="unique distinct_id for team")]
