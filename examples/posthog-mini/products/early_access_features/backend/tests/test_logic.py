import pytest

from posthog.models import Organization, Team

from products.early_access_features.backend.logic import create_feature, move_to_stage


@pytest.fixture
def team(db) -> Team:
    return Team.objects.create(organization=Organization.objects.create(name="Hedgebox"))


def test_create_feature_creates_an_enrollment_flag(team: Team) -> None:
    feature = create_feature(team, name="Dark mode", stage="beta", flag_key="dark-mode")
    properties = feature.feature_flag.filters["groups"][0]["properties"]
    assert properties[0]["key"] == "$feature_enrollment/dark-mode"


def test_archiving_disables_the_flag(team: Team) -> None:
    feature = move_to_stage(create_feature(team, name="Dark mode", stage="beta", flag_key="dark-mode"), "archived")
    feature.feature_flag.refresh_from_db()
    assert feature.feature_flag.active is False
