from django.db import transaction

from posthog.models import Team
from posthog.models.feature_flag import FeatureFlag

from .models import EarlyAccessFeature

ENROLLMENT_PROPERTY = "$feature_enrollment/{key}"


def enrollment_filters(flag_key: str) -> dict:
    return {
        "groups": [
            {
                "properties": [
                    {
                        "key": ENROLLMENT_PROPERTY.format(key=flag_key),
                        "type": "person",
                        "value": ["true"],
                        "operator": "exact",
                    }
                ],
                "rollout_percentage": 100,
            }
        ],
        "super_groups": [],
    }


def create_feature(team: Team, *, name: str, stage: str, flag_key: str, description: str = "") -> EarlyAccessFeature:
    with transaction.atomic():
        flag = FeatureFlag.objects.create(
            team=team,
            key=flag_key,
            name=f"Feature flag for feature {name}",
            filters=enrollment_filters(flag_key),
        )
        return EarlyAccessFeature.objects.create(
            team=team,
            name=name,
            stage=stage,
            description=description,
            feature_flag=flag,
        )


def move_to_stage(feature: EarlyAccessFeature, stage: str) -> EarlyAccessFeature:
    feature.stage = stage
    feature.save(update_fields=["stage"])
    if stage == EarlyAccessFeature.Stage.ARCHIVED and feature.feature_flag_id:
        FeatureFlag.objects.filter(pk=feature.feature_flag_id).update(active=False)
    return feature
