// Vocabulary for the generated PostHog-shaped tree.

export const PRODUCT_PREFIXES = [
  "access", "actions", "alerts", "annotation", "approval", "batch", "billing", "cdp", "cohort", "conversation",
  "customer", "dashboard", "data", "early_access", "endpoint", "engineering", "error", "event", "experiment",
  "export", "feature", "goal", "growth", "heatmap", "hog", "identity", "insight", "legal", "link", "llm", "log",
  "marketing", "mcp", "message", "metric", "notebook", "notification", "persons", "pipeline", "product", "replay",
  "revenue", "session", "signal", "skill", "slack", "survey", "task", "trace", "user", "visual", "warehouse", "web",
  "workflow",
];

export const PRODUCT_SUFFIXES = [
  "analytics", "tracking", "review", "flags", "tests", "exports", "sources", "tools", "insights", "monitor",
  "replays", "vision", "pipelines", "studio", "center", "hub", "jobs", "reports", "store", "metrics", "gateway",
  "documents", "tours", "interviews", "apps", "platform", "modeling", "knowledge", "definitions", "features",
];

export const MODEL_NOUNS = [
  "Config", "Run", "Snapshot", "Item", "Event", "Rule", "Target", "Schedule", "Subscription", "Job", "Source",
  "Destination", "Template", "Version", "Comment", "Assignment", "Filter", "Export", "Metric", "Alert", "Report",
  "Query", "Tag", "Link", "Checkpoint", "Record", "Batch", "Token", "Session", "Group", "Definition", "Invite",
  "Integration", "Variant", "Cohort", "Step", "Result", "Setting", "Annotation", "Digest", "Trigger", "Channel",
];

export const CORE_MODEL_NAMES = [
  "Action", "ActionStep", "ActivityLog", "AsyncDeletion", "BatchImport", "Cohort", "CohortPeople", "Comment",
  "Dashboard", "DashboardTile", "DataColorTheme", "EventDefinition", "EventProperty", "ExportedAsset", "Group",
  "GroupTypeMapping", "HogFunction", "Insight", "InsightCachingState", "InsightViewed", "Integration",
  "MessagingRecord", "Notebook", "OrganizationDomain", "OrganizationInvite", "Person", "PersonDistinctId",
  "PersonalAPIKey", "Plugin", "PluginConfig", "PluginAttachment", "PropertyDefinition", "ProjectSecretAPIKey",
  "SessionRecording", "SessionRecordingPlaylist", "SharingConfiguration", "Subscription", "Tag", "TaggedItem",
  "TeamMarketingAnalyticsConfig", "UploadedMedia", "UserScenePersonalisation", "Annotation", "Survey",
];

export const EE_MODEL_NAMES = [
  "AccessControl", "ConversationCheckpoint", "Conversation", "CoreMemory", "DashboardPrivilege", "EnterpriseEventDefinition",
  "EnterprisePropertyDefinition", "ExplicitTeamMembership", "HookEvent", "License", "Role", "RoleMembership",
  "SessionRecordingExtra", "Hook", "AuditLogEntry",
];

export const WORDS = [
  "account", "action", "active", "amount", "attempt", "batch", "bucket", "cache", "channel", "chunk", "client",
  "cohort", "column", "config", "context", "count", "cursor", "data", "date", "delta", "digest", "distinct",
  "domain", "entry", "error", "event", "expiry", "export", "field", "filter", "flag", "group", "hash", "hour",
  "index", "insight", "interval", "item", "job", "key", "label", "limit", "link", "lookup", "metric", "minute",
  "name", "offset", "order", "owner", "page", "payload", "period", "person", "plan", "property", "query", "queue",
  "rate", "record", "region", "report", "request", "result", "retry", "row", "rule", "sample", "schedule", "scope",
  "segment", "session", "setting", "shard", "signal", "size", "slot", "source", "stage", "state", "status", "step",
  "stream", "summary", "table", "target", "task", "team", "template", "threshold", "timestamp", "token", "total",
  "trigger", "usage", "user", "value", "variant", "version", "window", "worker",
];

export const VERBS = [
  "aggregate", "apply", "build", "calculate", "check", "collect", "compute", "convert", "create", "delete",
  "dispatch", "ensure", "enqueue", "export", "fetch", "filter", "find", "flush", "format", "get", "group", "handle",
  "load", "lookup", "merge", "normalize", "parse", "prepare", "process", "refresh", "render", "resolve", "run",
  "schedule", "serialize", "sync", "transform", "update", "upsert", "validate",
];
