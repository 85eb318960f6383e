from posthog.settings.web import *  # noqa: F403
