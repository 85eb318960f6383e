from .team import Team, TeamRevenueAnalyticsConfig

__all__ = ["Team", "TeamRevenueAnalyticsConfig"]
