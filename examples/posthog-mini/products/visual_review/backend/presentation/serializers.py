from rest_framework import serializers


class RunSummarySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    repo_name = serializers.CharField()
    branch = serializers.CharField()
    commit_sha = serializers.CharField()
    status = serializers.CharField()
    changed_snapshots = serializers.IntegerField()
    created_at = serializers.DateTimeField()
