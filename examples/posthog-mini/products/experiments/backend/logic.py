from datetime import datetime

from django.db import transaction
from django.utils import timezone
from rest_framework.exceptions import ValidationError

from posthog.models import FeatureFlag, Team

from .models import Experiment, ExperimentHoldout

DEFAULT_VARIANTS = [
    {"key": "control", "rollout_percentage": 50},
    {"key": "test", "rollout_percentage": 50},
]


def create_experiment(
    team: Team,
    *,
    name: str,
    feature_flag_key: str,
    holdout: ExperimentHoldout | None = None,
    start_date: datetime | None = None,
) -> Experiment:
    if Experiment.objects.filter(team=team, feature_flag__key=feature_flag_key, deleted=False).exists():
        raise ValidationError(f"An experiment already uses the flag {feature_flag_key!r}.")
    with transaction.atomic():
        flag, _ = FeatureFlag.objects.get_or_create(
            team=team,
            key=feature_flag_key,
            defaults={
                "name": f"Feature flag for experiment {name}",
                "filters": {"groups": [{"rollout_percentage": 100}], "multivariate": {"variants": DEFAULT_VARIANTS}},
            },
        )
        return Experiment.objects.create(
            team=team,
            name=name,
            feature_flag=flag,
            holdout=holdout,
            start_date=start_date,
        )


def end_experiment(experiment: Experiment) -> Experiment:
    if experiment.end_date is not None:
        return experiment
    experiment.end_date = timezone.now()
    experiment.save(update_fields=["end_date"])
    return experiment
