from django.apps import AppConfig


class EnterpriseConfig(AppConfig):
    name = "ee"
    verbose_name = "Enterprise"
