from django.db.models import QuerySet
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from posthog.models import Team

from .models import FeatureFlag


class FeatureFlagSerializer(serializers.ModelSerializer):
    experiment_set = serializers.SerializerMethodField()

    class Meta:
        model = FeatureFlag
        fields = ["id", "key", "name", "filters", "active", "deleted", "experiment_set"]
        read_only_fields = ["id", "experiment_set"]

    def get_experiment_set(self, flag: FeatureFlag) -> list[int]:
        return linked_experiment_ids(flag)


def linked_experiment_ids(flag: FeatureFlag) -> list[int]:
    from posthog.models import Experiment

    return list(Experiment.objects.filter(feature_flag=flag, deleted=False).values_list("id", flat=True))


class FeatureFlagViewSet(viewsets.ModelViewSet):
    serializer_class = FeatureFlagSerializer

    def get_queryset(self) -> QuerySet[FeatureFlag]:
        team = Team.objects.get(id=self.kwargs["project_id"])
        return FeatureFlag.objects.filter(team=team, deleted=False).order_by("-created_at")

    @action(methods=["GET"], detail=False)
    def active(self, request: Request, **kwargs) -> Response:
        flags = self.get_queryset().filter(active=True)
        return Response(self.get_serializer(flags, many=True).data)
