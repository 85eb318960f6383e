from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID


class RunStatus(StrEnum):
    PENDING = "pending"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"


@dataclass(frozen=True)
class RunSummary:
    id: UUID
    repo_name: str
    branch: str
    commit_sha: str
    status: RunStatus
    changed_snapshots: int
    created_at: datetime


@dataclass(frozen=True)
class CreateRunInput:
    team_id: int
    repo_name: str
    branch: str
    commit_sha: str
    created_by_id: int | None = None
