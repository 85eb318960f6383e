import os

DEBUG = os.getenv("DEBUG", "0") == "1"

PRODUCTS_APPS = [
    "products.early_access_features.backend.apps.EarlyAccessFeaturesConfig",
    "products.error_tracking.backend.apps.ErrorTrackingConfig",
    "products.experiments.backend.apps.ExperimentsConfig",
    "products.feature_flags.backend.apps.FeatureFlagsConfig",
    "products.visual_review.backend.apps.VisualReviewConfig",
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "rest_framework",
    "posthog.apps.PostHogConfig",
    "ee.apps.EnterpriseConfig",
    *PRODUCTS_APPS,
]

AUTH_USER_MODEL = "posthog.User"
DATABASE_ROUTERS = ["posthog.product_db_router.ProductDBRouter"]
