import pytest
from rest_framework.test import APIClient

from posthog.models import Organization, Team, User

from products.feature_flags.backend.models import FeatureFlag


@pytest.fixture
def client_and_team(db) -> tuple[APIClient, Team]:
    organization = Organization.objects.create(name="Hedgebox")
    team = Team.objects.create(organization=organization)
    user = User.objects.create(email="max@hedgebox.net", username="max", current_team=team)
    organization.members.add(user)
    client = APIClient()
    client.force_authenticate(user)
    return client, team


def test_list_only_returns_live_flags(client_and_team) -> None:
    client, team = client_and_team
    FeatureFlag.objects.create(team=team, key="live")
    FeatureFlag.objects.create(team=team, key="gone", deleted=True)
    response = client.get(f"/api/projects/{team.id}/feature_flags/")
    assert response.status_code == 200
    assert [flag["key"] for flag in response.json()["results"]] == ["live"]
