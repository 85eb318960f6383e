from dataclasses import dataclass
from uuid import UUID


@dataclass(frozen=True)
class EarlyAccessFeatureSummary:
    id: UUID
    name: str
    stage: str
    flag_key: str | None


@dataclass
class MoveToStageInput:
    feature_id: UUID
    stage: str
