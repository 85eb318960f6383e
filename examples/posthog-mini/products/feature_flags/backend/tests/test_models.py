import pytest

from posthog.models import Organization, Team

from products.feature_flags.backend.models import FeatureFlag


@pytest.fixture
def team(db) -> Team:
    organization = Organization.objects.create(name="Hedgebox")
    return Team.objects.create(organization=organization, name="Hedgebox web")


def test_variants_are_read_from_filters(team: Team) -> None:
    flag = FeatureFlag.objects.create(
        team=team,
        key="new-onboarding",
        filters={"multivariate": {"variants": [{"key": "control"}, {"key": "test"}]}},
    )
    assert [variant["key"] for variant in flag.variants] == ["control", "test"]


def test_flag_without_filters_has_no_variants(team: Team) -> None:
    flag = FeatureFlag.objects.create(team=team, key="kill-switch", filters={})
    assert flag.variants == []
