from django.apps import AppConfig


class ErrorTrackingConfig(AppConfig):
    name = "products.error_tracking.backend"
    label = "error_tracking"
    verbose_name = "Error Tracking"
