from .presentation.views import RunViewSet

__all__ = ["RunViewSet"]
