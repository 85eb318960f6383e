from uuid import UUID

from django.db import transaction

from .models import Baseline, Repo, Run


def create_run(*, team_id: int, repo_name: str, branch: str, commit_sha: str, created_by_id: int | None) -> Run:
    with transaction.atomic(using="visual_review_db_writer"):
        repo, _ = Repo.objects.get_or_create(team_id=team_id, name=repo_name)
        return Run.objects.create(
            repo=repo,
            team_id=team_id,
            branch=branch,
            commit_sha=commit_sha,
            created_by_id=created_by_id,
        )


def get_run(*, team_id: int, run_id: UUID) -> Run | None:
    return Run.objects.filter(team_id=team_id, id=run_id).select_related("repo").first()


def list_runs(*, team_id: int, limit: int) -> list[Run]:
    return list(Run.objects.filter(team_id=team_id).select_related("repo").order_by("-created_at")[:limit])


def approved_baselines(*, team_id: int, repo_name: str) -> list[Baseline]:
    return list(Baseline.objects.filter(team_id=team_id, repo__name=repo_name).select_related("repo", "approved_by"))
