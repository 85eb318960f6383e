from rest_framework import serializers, viewsets
from rest_framework.permissions import IsAuthenticated

from posthog.models import Team, User


class TeamSerializer(serializers.ModelSerializer):
    class Meta:
        model = Team
        fields = ["id", "name", "api_token", "timezone", "autocapture_exceptions_opt_in"]
        read_only_fields = ["id", "api_token"]


class TeamViewSet(viewsets.ModelViewSet):
    serializer_class = TeamSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        user: User = self.request.user
        return Team.objects.filter(organization__members=user).order_by("name")
