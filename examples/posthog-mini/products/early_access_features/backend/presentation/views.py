from rest_framework import serializers, viewsets

from ..logic import create_feature
from ..models import EarlyAccessFeature


class EarlyAccessFeatureSerializer(serializers.ModelSerializer):
    flag_key = serializers.CharField(write_only=True)

    class Meta:
        model = EarlyAccessFeature
        fields = ["id", "name", "description", "stage", "documentation_url", "flag_key", "created_at"]
        read_only_fields = ["id", "created_at"]

    def create(self, validated_data: dict) -> EarlyAccessFeature:
        return create_feature(
            self.context["get_team"](),
            name=validated_data["name"],
            stage=validated_data["stage"],
            flag_key=validated_data["flag_key"],
            description=validated_data.get("description", ""),
        )


class EarlyAccessFeatureViewSet(viewsets.ModelViewSet):
    serializer_class = EarlyAccessFeatureSerializer

    def get_queryset(self):
        return EarlyAccessFeature.objects.filter(team_id=self.kwargs["project_id"]).order_by("-created_at")
