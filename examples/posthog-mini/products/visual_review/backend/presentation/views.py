from rest_framework import viewsets
from rest_framework.response import Response

from ..facade import api
from .serializers import RunSummarySerializer


class RunViewSet(viewsets.ViewSet):
    def list(self, request, **kwargs):
        runs = api.list_runs(team_id=int(kwargs["project_id"]))
        return Response({"results": RunSummarySerializer(runs, many=True).data})

    def retrieve(self, request, pk=None, **kwargs):
        run = api.get_run(team_id=int(kwargs["project_id"]), run_id=pk)
        if run is None:
            return Response(status=404)
        return Response(RunSummarySerializer(run).data)
