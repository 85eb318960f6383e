import pytest

from posthog.models import Organization, Team

from products.experiments.backend.logic import create_experiment
from products.experiments.models import ExperimentHoldout


@pytest.fixture
def team(db) -> Team:
    return Team.objects.create(organization=Organization.objects.create(name="Hedgebox"))


def test_experiment_keeps_its_holdout(team: Team) -> None:
    holdout = ExperimentHoldout.objects.create(team=team, name="5% holdout", filters=[{"rollout_percentage": 5}])
    experiment = create_experiment(team, name="Onboarding", feature_flag_key="onboarding", holdout=holdout)
    assert experiment.holdout == holdout
