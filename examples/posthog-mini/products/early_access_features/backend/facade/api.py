from ..models import EarlyAccessFeature
from .contracts import EarlyAccessFeatureSummary


def list_features(team_id: int, *, stages: tuple[str, ...] = ("alpha", "beta")) -> list[EarlyAccessFeatureSummary]:
    features = EarlyAccessFeature.objects.filter(team_id=team_id, stage__in=stages).select_related("feature_flag")
    return [
        EarlyAccessFeatureSummary(
            id=feature.id,
            name=feature.name,
            stage=feature.stage,
            flag_key=feature.feature_flag.key if feature.feature_flag else None,
        )
        for feature in features
    ]
