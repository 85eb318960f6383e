from rest_framework import serializers, viewsets

from ee.models import Role, RoleMembership
from posthog.models import OrganizationMembership


class RoleSerializer(serializers.ModelSerializer):
    members = serializers.SerializerMethodField()

    class Meta:
        model = Role
        fields = ["id", "name", "created_at", "created_by", "members"]
        read_only_fields = ["id", "created_at", "created_by"]

    def get_members(self, role: Role) -> list[str]:
        return [str(m.user_id) for m in RoleMembership.objects.filter(role=role)]


class RoleViewSet(viewsets.ModelViewSet):
    serializer_class = RoleSerializer

    def get_queryset(self):
        memberships = OrganizationMembership.objects.filter(user=self.request.user)
        return Role.objects.filter(organization_id__in=memberships.values("organization_id"))
