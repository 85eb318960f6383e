from . import api, contracts

__all__ = ["api", "contracts"]
