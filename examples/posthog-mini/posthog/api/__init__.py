from rest_framework import routers

from products.experiments.backend.api import ExperimentViewSet
from products.feature_flags.backend.api import FeatureFlagViewSet

from posthog.api.team import TeamViewSet

router = routers.DefaultRouter(trailing_slash=False)
router.register(r"projects", TeamViewSet, "projects")
router.register(r"feature_flags", FeatureFlagViewSet, "project_feature_flags")
router.register(r"experiments", ExperimentViewSet, "project_experiments")
