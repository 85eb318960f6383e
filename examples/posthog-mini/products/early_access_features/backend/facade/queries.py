from ..models import EarlyAccessFeature

__all__ = ["EarlyAccessFeature"]
