import dataclasses
from collections import Counter
from datetime import datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from posthog.models import Organization, Experiment as ExperimentModel
from products.feature_flags.backend.models import FeatureFlag


@dataclasses.dataclass
class UsageReportCounters:
    active_feature_flags: int = 0
    running_experiments: int = 0
    completed_experiments: int = 0


def get_teams_with_feature_flags(begin: datetime, end: datetime) -> Counter:
    rows = (
        FeatureFlag.objects.filter(active=True, deleted=False, created_at__lte=end)
        .values("team_id")
        .annotate(total=Count("id"))
    )
    return Counter({row["team_id"]: row["total"] for row in rows})


def get_teams_with_experiments(begin: datetime, end: datetime) -> dict[int, UsageReportCounters]:
    counters: dict[int, UsageReportCounters] = {}
    rows = (
        ExperimentModel.objects.filter(created_at__lte=end)
        .values("team_id")
        .annotate(
            running=Count("id", filter=Q(start_date__isnull=False, end_date__isnull=True)),
            completed=Count("id", filter=Q(end_date__gte=begin, end_date__lte=end)),
        )
    )
    for row in rows:
        counters[row["team_id"]] = UsageReportCounters(
            running_experiments=row["running"],
            completed_experiments=row["completed"],
        )
    return counters


def send_all_org_usage_reports(at: datetime | None = None) -> int:
    end = at or timezone.now()
    begin = end - timedelta(days=1)
    flags = get_teams_with_feature_flags(begin, end)
    experiments = get_teams_with_experiments(begin, end)
    sent = 0
    for organization in Organization.objects.prefetch_related("teams").iterator():
        report = UsageReportCounters()
        for team in organization.teams.all():
            report.active_feature_flags += flags.get(team.id, 0)
            team_experiments = experiments.get(team.id)
            if team_experiments:
                report.running_experiments += team_experiments.running_experiments
                report.completed_experiments += team_experiments.completed_experiments
        sent += 1
    return sent
