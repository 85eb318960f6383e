from django.apps import AppConfig
from django.conf import settings


class PostHogConfig(AppConfig):
    name = "posthog"
    verbose_name = "PostHog"

    def ready(self):
        from posthog import receivers  # noqa: F401

        if settings.DEBUG:
            from posthog.tasks import usage_report  # noqa: F401
