from products.feature_flags.backend.models import (  # noqa: F401
    FeatureFlag,
    FeatureFlagHashKeyOverride,
    get_feature_flags_for_team_in_cache,
)
