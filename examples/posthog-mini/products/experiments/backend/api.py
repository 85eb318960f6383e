from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .logic import create_experiment, end_experiment
from .models import Experiment


class ExperimentSerializer(serializers.ModelSerializer):
    feature_flag_key = serializers.CharField(source="feature_flag.key")

    class Meta:
        model = Experiment
        fields = ["id", "name", "description", "feature_flag_key", "start_date", "end_date", "archived"]
        read_only_fields = ["id", "start_date", "end_date"]

    def create(self, validated_data: dict) -> Experiment:
        return create_experiment(
            self.context["get_team"](),
            name=validated_data["name"],
            feature_flag_key=validated_data["feature_flag"]["key"],
        )


class ExperimentViewSet(viewsets.ModelViewSet):
    serializer_class = ExperimentSerializer

    def get_queryset(self):
        return Experiment.objects.filter(team_id=self.kwargs["project_id"], deleted=False).select_related("feature_flag")

    @action(methods=["POST"], detail=True)
    def end(self, request, **kwargs):
        experiment = end_experiment(self.get_object())
        return Response(self.get_serializer(experiment).data)
