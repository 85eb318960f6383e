from .feature_flag_role_access import FeatureFlagRoleAccess
from .license import License
from .rbac.role import Role, RoleMembership

__all__ = ["FeatureFlagRoleAccess", "License", "Role", "RoleMembership"]
