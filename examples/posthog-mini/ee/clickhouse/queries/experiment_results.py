from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from rest_framework.exceptions import ValidationError

from posthog.models import (
    Experiment,
    FeatureFlag,
    Team,
)

CONTROL_VARIANT_KEY = "control"
MIN_PROBABILITY_FOR_SIGNIFICANCE = 0.9


@dataclass
class VariantResult:
    key: str
    count: int
    exposure: int
    probability: float = 0.0


@dataclass
class ExperimentResults:
    experiment_id: int
    variants: list[VariantResult] = field(default_factory=list)
    computed_at: datetime | None = None

    @property
    def significant(self) -> bool:
        return any(v.probability >= MIN_PROBABILITY_FOR_SIGNIFICANCE for v in self.variants)


class ClickhouseExperimentResults:
    def __init__(self, team: Team, experiment: Experiment, feature_flag: FeatureFlag | None = None):
        self.team = team
        self.experiment = experiment
        self.feature_flag = feature_flag or experiment.feature_flag
        variants = self.feature_flag.filters.get("multivariate", {}).get("variants", [])
        if not any(variant["key"] == CONTROL_VARIANT_KEY for variant in variants):
            raise ValidationError("Experiment flag must have a control variant.")
        self.variants = [variant["key"] for variant in variants]

    def run(self, rows: list[dict[str, Any]]) -> ExperimentResults:
        by_key = {row["variant"]: row for row in rows}
        results = ExperimentResults(experiment_id=self.experiment.pk, computed_at=datetime.now())
        for key in self.variants:
            row = by_key.get(key, {"count": 0, "exposure": 0})
            results.variants.append(VariantResult(key=key, count=row["count"], exposure=row["exposure"]))
        total = sum(v.count for v in results.variants) or 1
        for variant in results.variants:
            variant.probability = variant.count / total
        return results
