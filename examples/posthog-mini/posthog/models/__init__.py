from products.early_access_features.backend.models import EarlyAccessFeature
from products.error_tracking.backend.models import (
    ErrorTrackingIssue,
    ErrorTrackingIssueAssignment,
    ErrorTrackingIssueFingerprint,
)
from products.experiments.backend.models import Experiment, ExperimentHoldout, ExperimentSavedMetric
from products.feature_flags.backend.models import FeatureFlag, FeatureFlagHashKeyOverride

from .dashboard import Dashboard
from .organization import Organization, OrganizationMembership
from .person import Person, PersonDistinctId
from .team import Team, TeamRevenueAnalyticsConfig
from .user import PersonalAPIKey, User

__all__ = [
    "Dashboard",
    "EarlyAccessFeature",
    "ErrorTrackingIssue",
    "ErrorTrackingIssueAssignment",
    "ErrorTrackingIssueFingerprint",
    "Experiment",
    "ExperimentHoldout",
    "ExperimentSavedMetric",
    "FeatureFlag",
    "FeatureFlagHashKeyOverride",
    "Organization",
    "OrganizationMembership",
    "Person",
    "PersonDistinctId",
    "PersonalAPIKey",
    "Team",
    "TeamRevenueAnalyticsConfig",
    "User",
]
