from django.apps import AppConfig


class FeatureFlagsConfig(AppConfig):
    name = "products.feature_flags.backend"
    label = "feature_flags"
    verbose_name = "Feature Flags"
