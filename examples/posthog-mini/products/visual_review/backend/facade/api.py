from uuid import UUID

from .. import logic
from .contracts import CreateRunInput, RunStatus, RunSummary


def create_run(data: CreateRunInput) -> RunSummary:
    run = logic.create_run(
        team_id=data.team_id,
        repo_name=data.repo_name,
        branch=data.branch,
        commit_sha=data.commit_sha,
        created_by_id=data.created_by_id,
    )
    return _to_summary(run)


def get_run(team_id: int, run_id: UUID) -> RunSummary | None:
    run = logic.get_run(team_id=team_id, run_id=run_id)
    return _to_summary(run) if run else None


def list_runs(team_id: int, *, limit: int = 50) -> list[RunSummary]:
    return [_to_summary(run) for run in logic.list_runs(team_id=team_id, limit=limit)]


def _to_summary(run) -> RunSummary:
    return RunSummary(
        id=run.id,
        repo_name=run.repo.name,
        branch=run.branch,
        commit_sha=run.commit_sha,
        status=RunStatus(run.status),
        changed_snapshots=sum(1 for snapshot in run.snapshots.all() if snapshot.changed),
        created_at=run.created_at,
    )
