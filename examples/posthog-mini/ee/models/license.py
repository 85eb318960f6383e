from django.db import models


class LicenseManager(models.Manager):
    def first_valid(self):
        return self.filter(valid_until__gte=models.functions.Now()).order_by("-valid_until").first()


class License(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    plan = models.CharField(max_length=200)
    valid_until = models.DateTimeField()
    key = models.CharField(max_length=200)
    max_users = models.IntegerField(default=None, null=True)

    objects = LicenseManager()
