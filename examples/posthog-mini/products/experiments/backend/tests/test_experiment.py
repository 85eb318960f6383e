from unittest import mock

import pytest
from rest_framework.exceptions import ValidationError

from posthog.models import Organization, Team

from products.experiments.backend.logic import create_experiment, end_experiment


@pytest.fixture
def team(db) -> Team:
    return Team.objects.create(organization=Organization.objects.create(name="Hedgebox"))


def test_create_experiment_creates_its_flag(team: Team) -> None:
    experiment = create_experiment(team, name="Checkout", feature_flag_key="checkout-v2")
    assert experiment.feature_flag.key == "checkout-v2"
    assert [v["key"] for v in experiment.feature_flag.variants] == ["control", "test"]


def test_flag_cannot_be_reused(team: Team) -> None:
    create_experiment(team, name="Checkout", feature_flag_key="checkout-v2")
    with pytest.raises(ValidationError):
        create_experiment(team, name="Checkout again", feature_flag_key="checkout-v2")


def test_end_experiment_is_idempotent(team: Team) -> None:
    experiment = end_experiment(create_experiment(team, name="Pricing", feature_flag_key="pricing"))
    ended_at = experiment.end_date
    assert end_experiment(experiment).end_date == ended_at


@mock.patch("posthog.models.FeatureFlag.objects")
def test_create_experiment_looks_up_the_flag(flags: mock.MagicMock, team: Team) -> None:
    flags.filter.return_value.exists.return_value = True
    with pytest.raises(ValidationError):
        create_experiment(team, name="Checkout", feature_flag_key="checkout-v2")
