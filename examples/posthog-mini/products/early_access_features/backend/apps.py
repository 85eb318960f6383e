from django.apps import AppConfig


class EarlyAccessFeaturesConfig(AppConfig):
    name = "products.early_access_features.backend"
    label = "early_access_features"
    verbose_name = "Early Access Features"
