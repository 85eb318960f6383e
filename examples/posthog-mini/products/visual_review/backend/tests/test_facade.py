import pytest

from products.visual_review.backend.facade import api
from products.visual_review.backend.facade.contracts import CreateRunInput, RunStatus

pytestmark = pytest.mark.django_db(databases=["default", "visual_review_db_writer", "visual_review_db_reader"])


def test_create_run_returns_a_pending_summary() -> None:
    summary = api.create_run(CreateRunInput(team_id=1, repo_name="posthog", branch="main", commit_sha="a" * 40))
    assert summary.status == RunStatus.PENDING
    assert summary.changed_snapshots == 0


def test_runs_are_scoped_to_their_team() -> None:
    api.create_run(CreateRunInput(team_id=1, repo_name="posthog", branch="main", commit_sha="b" * 40))
    assert api.list_runs(team_id=2) == []
    assert len(api.list_runs(team_id=1)) == 1


@pytest.mark.integration
def test_get_unknown_run_returns_none() -> None:
    import uuid

    assert api.get_run(team_id=1, run_id=uuid.uuid4()) is None
