from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID


class IssueStatus(StrEnum):
    ARCHIVED = "archived"
    ACTIVE = "active"
    RESOLVED = "resolved"
    PENDING_RELEASE = "pending_release"
    SUPPRESSED = "suppressed"


@dataclass(frozen=True)
class Issue:
    id: UUID
    team_id: int
    name: str | None
    status: IssueStatus
    created_at: datetime
    fingerprints: tuple[str, ...] = field(default_factory=tuple)
