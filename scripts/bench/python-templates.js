// Python source templates for the benchmark tree: Django models with relation fields, business
// logic, DRF views, Celery tasks, pytest tests, migrations, facades and frozen contracts.
// Everything here is valid Python 3.12 (checked with `python3 -m py_compile` on generated trees).
//
// Each generator takes `rng` (scripts/bench/prng.js) and a file context:
//   ctx.app    { label, module, product, routed, database, isolated, models: string[] }
//   ctx.world  { apps: Map<label, app>, coreApp, eeApp, products: app[], legacyExports: { name, app }[] }

import { VERBS, WORDS } from "./words.js";

export const pascal = (snake) => snake.split("_").map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("");
export const snakeCase = (name) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

const word = (rng) => rng.pick(WORDS);
const verb = (rng) => rng.pick(VERBS);
const ident = (rng) => `${word(rng)}_${word(rng)}`;

/** Tracks imports a file needs: `from <module> import <names>` lines and plain `import x`. */
class Imports {
  constructor() {
    this.from = new Map();
    this.plain = new Set();
  }
  add(module, name) {
    if (!this.from.has(module)) this.from.set(module, new Set());
    this.from.get(module).add(name);
  }
  import(module) {
    this.plain.add(module);
  }
  /** isort-ish: stdlib/third party first, then posthog/ee, then products. */
  render() {
    const group = (module) => (module.startsWith("products") ? 2 : module.startsWith("posthog") || module.startsWith("ee") ? 1 : module.startsWith(".") ? 3 : 0);
    const lines = [[], [], [], []];
    for (const module of [...this.plain].sort()) lines[0].push(`import ${module}`);
    for (const [module, names] of [...this.from].sort(([a], [b]) => a.localeCompare(b))) {
      const sorted = [...names].sort();
      const single = `from ${module} import ${sorted.join(", ")}`;
      lines[group(module)].push(
        single.length <= 110 ? single : `from ${module} import (\n${sorted.map((n) => `    ${n},`).join("\n")}\n)`,
      );
    }
    return lines.filter((l) => l.length > 0).map((l) => l.join("\n")).join("\n\n");
  }
}

// ---------------------------------------------------------------------------------------------
// Models

const CORE_TARGET_WEIGHTS = { Team: 50, User: 20, Organization: 8, other: 22 };

function pickCoreModel(rng, world) {
  const choice = rng.weighted(CORE_TARGET_WEIGHTS);
  return choice === "other" ? rng.pick(world.coreApp.models) : choice;
}

function otherProduct(rng, ctx, predicate = () => true) {
  const candidates = ctx.world.products.filter((p) => p.label !== ctx.app.label && p.models.length > 0 && predicate(p));
  return candidates.length ? rng.pick(candidates) : null;
}

/** A label with a plausible typo (`feature_flags` → `feature_flag`). */
function typoLabel(label) {
  return label.endsWith("s") ? label.slice(0, -1) : `${label}s`;
}

function sameDatabase(a, b) {
  return (a.database ?? "default") === (b.database ?? "default");
}

/**
 * One relation field line (or a BigIntegerField where a routed product avoids a cross-database FK).
 * `definedInFile`: classes already defined above in the same file (for class references).
 */
function relationField(rng, ctx, imports, usedNames, definedInFile) {
  const { app, world } = ctx;
  const fieldKind = rng.weighted({ ForeignKey: 72, OneToOneField: 9, ManyToManyField: 16, ForeignObject: 1 });
  let target; // { expr, targetApp, model }
  const targetKind = rng.weighted({
    core: 34, same: 22, bare: 8, other: 16, self: 3, classSame: 4, classOther: 4, classCore: 2, pyPath: 2, typo: 1,
    ee: 2,
  });
  const sameModel = () => rng.pick(app.models);
  switch (targetKind) {
    case "core": {
      const model = pickCoreModel(rng, world);
      target = { expr: `"posthog.${model}"`, targetApp: world.coreApp, model };
      break;
    }
    case "ee": {
      const model = rng.pick(world.eeApp.models);
      target = { expr: `"ee.${model}"`, targetApp: world.eeApp, model };
      break;
    }
    case "same": {
      const model = sameModel();
      target = { expr: `"${app.label}.${model}"`, targetApp: app, model };
      break;
    }
    case "bare": {
      const model = sameModel();
      target = { expr: `"${model}"`, targetApp: app, model };
      break;
    }
    case "self":
      target = { expr: `"self"`, targetApp: app, model: "self" };
      break;
    case "classSame": {
      if (definedInFile.length === 0) return relationFieldFallback(rng, ctx, imports, usedNames, definedInFile);
      const model = rng.pick(definedInFile);
      target = { expr: model, targetApp: app, model };
      break;
    }
    case "classCore": {
      const model = rng.pick(["Team", "User", "Organization"]);
      imports.add("posthog.models", model);
      target = { expr: model, targetApp: world.coreApp, model };
      break;
    }
    case "other":
    case "classOther":
    case "pyPath":
    case "typo": {
      const other = otherProduct(rng, ctx, (p) => !p.routed || targetKind === "other");
      if (!other) return relationFieldFallback(rng, ctx, imports, usedNames, definedInFile);
      const model = rng.pick(other.models);
      if (targetKind === "other") target = { expr: `"${other.label}.${model}"`, targetApp: other, model };
      else if (targetKind === "pyPath") target = { expr: `"${other.module}.models.${model}"`, targetApp: other, model };
      else if (targetKind === "typo") target = { expr: `"${typoLabel(other.label)}.${model}"`, targetApp: other, model };
      else {
        imports.add(`${other.module}.models`, model);
        target = { expr: model, targetApp: other, model };
      }
      break;
    }
    default:
      throw new Error(`unknown target kind ${targetKind}`);
  }

  let base = target.model === "self" ? "parent" : snakeCase(target.model).split("_").slice(-2).join("_");
  if (fieldKind === "ManyToManyField") base = `${base}s`;
  let name = base;
  for (let n = 2; usedNames.has(name); n++) name = `${base}_${n}`;
  usedNames.add(name);

  // Routed products mostly follow the convention: a plain id column instead of a cross-database FK.
  if (app.routed && !sameDatabase(app, target.targetApp) && fieldKind !== "ManyToManyField" && rng.chance(0.85)) {
    const nullable = rng.chance(0.3) ? "null=True, blank=True, " : "";
    return `    ${name}_id = models.BigIntegerField(${nullable}db_index=True)`;
  }

  const prefix = rng.chance(0.95) ? "models." : "";
  if (!prefix) imports.add("django.db.models", fieldKind);
  const args = [];
  const keywordTarget = rng.chance(0.15);
  if (!keywordTarget) args.push(target.expr);
  if (fieldKind === "ForeignKey" || fieldKind === "OneToOneField" || fieldKind === "ForeignObject") {
    const onDelete = rng.weighted({ CASCADE: 6, SET_NULL: 3, PROTECT: 1, DO_NOTHING: 1 });
    args.push(`on_delete=models.${onDelete}`);
    if (onDelete === "SET_NULL") args.push("null=True", ...(rng.chance(0.6) ? ["blank=True"] : []));
  }
  if (keywordTarget) args.push(`to=${target.expr}`);
  if (fieldKind === "ForeignObject") args.push(`from_fields=["${name}_id"]`, `to_fields=["id"]`);
  if (fieldKind === "ManyToManyField") args.push("blank=True");
  if (rng.chance(0.4)) args.push(`related_name="${rng.chance(0.2) ? "+" : `${app.label}_${name}`}"`);
  if (rng.chance(0.1)) args.push(`db_index=False`);

  const oneLine = `    ${name} = ${prefix}${fieldKind}(${args.join(", ")})`;
  if (oneLine.length <= 110 && rng.chance(0.7)) return oneLine;
  return `    ${name} = ${prefix}${fieldKind}(\n${args.map((a) => `        ${a},`).join("\n")}\n    )`;
}

function relationFieldFallback(rng, ctx, imports, usedNames) {
  let name = "team";
  for (let n = 2; usedNames.has(name); n++) name = `team_${n}`;
  usedNames.add(name);
  if (ctx.app.routed) return `    ${name}_id = models.BigIntegerField(db_index=True)`;
  return `    ${name} = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)`;
}

function plainField(rng, usedNames) {
  const w = word(rng);
  const options = [
    [`name`, `models.CharField(max_length=400)`],
    [`description`, `models.TextField(blank=True, default="")`],
    [`created_at`, `models.DateTimeField(auto_now_add=True)`],
    [`updated_at`, `models.DateTimeField(auto_now=True, null=True, blank=True)`],
    [`deleted`, `models.BooleanField(default=False)`],
    [`filters`, `models.JSONField(default=dict, blank=True)`],
    [`${w}_count`, `models.PositiveIntegerField(default=0)`],
    [`${w}_ratio`, `models.FloatField(null=True, blank=True)`],
    [`${w}_key`, `models.CharField(max_length=200, db_index=True)`],
    [`${w}_at`, `models.DateTimeField(null=True, blank=True)`],
    [`${w}_amount`, `models.DecimalField(max_digits=12, decimal_places=2, default=0)`],
    [`${w}_enabled`, `models.BooleanField(default=${rng.chance(0.5) ? "True" : "False"})`],
    [`${w}_uuid`, `models.UUIDField(default=uuid.uuid4, editable=False)`],
    [`${w}_url`, `models.URLField(max_length=800, blank=True)`],
    [`${w}_payload`, `models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)`],
  ];
  const [name, def] = rng.pick(options);
  if (usedNames.has(name)) return null;
  usedNames.add(name);
  return `    ${name} = ${def}`;
}

function modelMethod(rng, fields) {
  const w = word(rng);
  const field = rng.pick(fields) ?? "pk";
  switch (rng.int(0, 3)) {
    case 0:
      return `    @property\n    def is_${w}(self) -> bool:\n        return self.${field} is not None and not getattr(self, "deleted", False)`;
    case 1:
      return [
        `    def ${verb(rng)}_${w}(self, limit: int = ${rng.int(5, 500)}) -> list[dict]:`,
        `        """${pascal(verb(rng))} the ${w} rows of this object, newest first."""`,
        `        rows = []`,
        `        for index in range(limit):`,
        `            if index % ${rng.int(2, 9)} == 0:`,
        `                rows.append({"index": index, "${w}": self.pk, "label": f"{self}-{index}"})`,
        `        return rows`,
      ].join("\n");
    case 2:
      return [
        `    def clean(self) -> None:`,
        `        super().clean()`,
        `        if getattr(self, "${field}", None) in ("", None) and self.pk is None:`,
        `            raise ValidationError({"${field}": "This field is required for new ${w} records."})`,
      ].join("\n");
    default:
      return [
        `    def save(self, *args, **kwargs):`,
        `        if not self._state.adding and "update_fields" not in kwargs:`,
        `            self.updated_${w} = timezone.now()`,
        `        super().save(*args, **kwargs)`,
      ].join("\n");
  }
}

/** One model class. Returns the source; adds imports to `imports`. */
function modelClass(rng, ctx, name, imports, definedInFile) {
  const usedNames = new Set(["id"]);
  const lines = [];
  const base = rng.weighted({ "models.Model": 6, UUIDModel: 3, "CreatedMetaFields, models.Model": 1 });
  lines.push(`class ${name}(${base}):`);
  if (rng.chance(0.3)) {
    lines.push(
      `    class Status(models.TextChoices):`,
      `        PENDING = "pending", "Pending"`,
      `        RUNNING = "running", "Running"`,
      `        COMPLETED = "completed", "Completed"`,
      `        FAILED = "failed", "Failed"`,
      ``,
      `    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)`,
    );
    usedNames.add("status");
  }
  const relations = rng.int(1, 4);
  const plain = rng.int(3, 8);
  const fieldLines = [];
  for (let i = 0; i < relations; i++) fieldLines.push(relationField(rng, ctx, imports, usedNames, definedInFile));
  for (let i = 0; i < plain; i++) {
    const line = plainField(rng, usedNames);
    if (line) fieldLines.push(line);
  }
  rng.shuffle(fieldLines);
  lines.push(...fieldLines);
  const fields = [...usedNames].filter((n) => n !== "id");
  lines.push("", "    class Meta:", `        db_table = "${ctx.app.label}_${name.toLowerCase()}"`);
  if (rng.chance(0.5)) {
    const indexed = rng.sample(fields, 2);
    lines.push(`        indexes = [models.Index(fields=[${indexed.map((f) => `"${f}"`).join(", ")}], name="${name.toLowerCase().slice(0, 20)}_${rng.int(100, 999)}_idx")]`);
  }
  if (rng.chance(0.3)) lines.push(`        ordering = ["-${rng.pick(fields)}"]`);
  lines.push("", "    def __str__(self) -> str:", `        return f"${name}({self.pk})"`);
  for (let i = rng.int(0, 3); i > 0; i--) lines.push("", modelMethod(rng, fields));
  return lines.join("\n");
}

/** A models file (or a file of a models/ package) of at least `targetBytes`. */
export function modelsFile(rng, ctx, declaredModels, targetBytes, paddingPrefix) {
  const imports = new Imports();
  imports.import("uuid");
  imports.add("django.core.exceptions", "ValidationError");
  imports.add("django.core.serializers.json", "DjangoJSONEncoder");
  imports.add("django.db", "models");
  imports.add("django.utils", "timezone");
  imports.add("posthog.models.utils", "CreatedMetaFields");
  imports.add("posthog.models.utils", "UUIDModel");
  const classes = [];
  const defined = [];
  let size = 600;
  const emit = (name) => {
    const src = modelClass(rng, ctx, name, imports, defined);
    classes.push(src);
    defined.push(name);
    size += src.length + 3;
  };
  for (const name of declaredModels) emit(name);
  for (let k = 1; size < targetBytes; k++) emit(`${paddingPrefix}${rng.pick(["Archive", "Log", "Entry", "Link", "State"])}${k}`);
  return `${imports.render()}\n\n\n${classes.join("\n\n\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// Non-model code

/**
 * Imports for a code file: core models, sometimes a legacy product model through posthog.models,
 * another product's models, and the app's own models. Returns the models the file's code uses.
 */
function codeImports(rng, ctx, imports, { allowLegacy = true } = {}) {
  imports.add("posthog.models", "Team");
  if (rng.chance(0.4)) imports.add("posthog.models", "User");
  if (rng.chance(0.2)) imports.add("posthog.models", "Organization");
  const legacy = ctx.world.legacyExports;
  if (allowLegacy && legacy.length && rng.chance(0.12)) {
    const { name } = rng.pick(legacy);
    imports.add("posthog.models", name);
  }
  const other = otherProduct(rng, ctx, (p) => !p.isolated);
  if (other && rng.chance(0.4)) imports.add(`${other.module}.models`, rng.pick(other.models));
  if (!ctx.app.models.length) return ["Team"];
  const own = rng.sample(ctx.app.models, rng.int(1, 3));
  for (const m of own) imports.add(`${ctx.app.module}.models`, m);
  return own;
}

function ownModel(rng, ctx) {
  return ctx.fileModels?.length ? rng.pick(ctx.fileModels) : "Team";
}

function logicFunction(rng, ctx) {
  const model = ownModel(rng, ctx);
  const [w1, w2, w3] = [word(rng), word(rng), word(rng)];
  const fn = `${verb(rng)}_${w1}_${w2}`;
  const field = rng.pick(["created_at", "name", "status", `${w3}_key`, "team_id"]);
  switch (rng.int(0, 6)) {
    case 0:
      return [
        `def ${fn}(team_id: int, ${w3}: str | None = None, *, limit: int = ${rng.int(10, 5000)}) -> dict[str, Any]:`,
        `    """${pascal(verb(rng))} ${w1} ${w2} for a team.`,
        ``,
        `    Returns a mapping of ${w3} to totals, capped at \`\`limit\`\` rows.`,
        `    """`,
        `    queryset = ${model}.objects.filter(team_id=team_id)`,
        `    if ${w3}:`,
        `        queryset = queryset.filter(${field}__icontains=${w3})`,
        `    totals: dict[str, Any] = defaultdict(int)`,
        `    for row in queryset.values("${field}")[:limit]:`,
        `        key = str(row["${field}"]) or "unknown"`,
        `        totals[key] += 1`,
        `    try:`,
        `        result = {k: v for k, v in sorted(totals.items(), key=lambda item: -item[1])}`,
        `    except (TypeError, ValueError) as error:`,
        `        logger.warning("${fn}_failed", error=str(error), team_id=team_id)`,
        `        result = {}`,
        `    return result`,
      ].join("\n");
    case 1:
      return [
        `@dataclass`,
        `class ${pascal(w1)}${pascal(w2)}Batch:`,
        `    team_id: int`,
        `    ${w3}_ids: list[int] = field(default_factory=list)`,
        `    started_at: datetime = field(default_factory=timezone.now)`,
        ``,
        `    def chunks(self, size: int = ${rng.int(50, 1000)}) -> Iterator[list[int]]:`,
        `        for start in range(0, len(self.${w3}_ids), size):`,
        `            yield self.${w3}_ids[start : start + size]`,
        ``,
        `    @property`,
        `    def elapsed(self) -> timedelta:`,
        `        return timezone.now() - self.started_at`,
      ].join("\n");
    case 2:
      return [
        `def ${fn}(team: Team, payload: dict[str, Any]) -> ${model}:`,
        `    with transaction.atomic():`,
        `        instance, created = ${model}.objects.select_for_update().get_or_create(`,
        `            team_id=team.id,`,
        `            defaults={"${w3}": payload.get("${w3}"), "created_at": timezone.now()},`,
        `        )`,
        `        if not created:`,
        `            for key, value in payload.items():`,
        `                if key.startswith("_") or key in PROTECTED_FIELDS:`,
        `                    continue`,
        `                setattr(instance, key, value)`,
        `            instance.save()`,
        `    capture_event("${w1} ${w2} changed", team_id=team.id)`,
        `    return instance`,
      ].join("\n");
    case 3:
      return [
        `def ${fn}(events: Iterable[dict[str, Any]]) -> list[tuple[str, int]]:`,
        `    counts: Counter[str] = Counter()`,
        `    for event in events:`,
        `        match event.get("type"):`,
        `            case "${w1}" | "${w2}":`,
        `                counts[event.get("${w3}", "none")] += 1`,
        `            case {"name": str(name)} if name.startswith("$"):`,
        `                counts[name] += 2`,
        `            case _:`,
        `                counts["other"] += 1`,
        `    return counts.most_common(${rng.int(3, 50)})`,
      ].join("\n");
    case 4:
      return [
        `${fn.toUpperCase()}_QUERY = """`,
        `    SELECT ${w1}, count() AS total, max(timestamp) AS last_seen`,
        `    FROM events`,
        `    WHERE team_id = %(team_id)s AND event = %(event)s AND timestamp > now() - INTERVAL ${rng.int(1, 90)} DAY`,
        `    GROUP BY ${w1}`,
        `    ORDER BY total DESC`,
        `    LIMIT %(limit)s`,
        `"""`,
        ``,
        ``,
        `async def ${fn}_async(team_id: int, event: str, limit: int = ${rng.int(10, 1000)}) -> list[dict[str, Any]]:`,
        `    rows = await sync_execute_async(${fn.toUpperCase()}_QUERY, {"team_id": team_id, "event": event, "limit": limit})`,
        `    return [{"${w1}": ${w1}, "total": total, "last_seen": last_seen.isoformat()} for ${w1}, total, last_seen in rows]`,
      ].join("\n");
    case 5:
      return [
        `def ${fn}(${w3}: str, *, attempts: int = ${rng.int(2, 6)}, backoff: float = ${rng.int(1, 9) / 10}) -> bool:`,
        `    attempt = 0`,
        `    while attempt < attempts:`,
        `        try:`,
        `            response = requests.post(f"{settings.SITE_URL}/api/${w1}/{${w3}}/${w2}", timeout=10)`,
        `            response.raise_for_status()`,
        `            return True`,
        `        except requests.RequestException as error:`,
        `            attempt += 1`,
        `            logger.info("retrying ${w1}", attempt=attempt, error=str(error))`,
        `            time.sleep(backoff * (2**attempt))`,
        `        finally:`,
        `            metrics.incr("${w1}_${w2}_attempts")`,
        `    return False`,
      ].join("\n");
    default:
      return [
        `def ${fn}(rows: list[dict[str, Any]], key: str = "${w3}") -> dict[str, list[dict[str, Any]]]:`,
        `    def sort_key(row: dict[str, Any]) -> tuple:`,
        `        return (row.get(key) is None, row.get(key), row.get("id", 0))`,
        ``,
        `    grouped: dict[str, list[dict[str, Any]]] = {}`,
        `    for row in sorted(rows, key=sort_key):`,
        `        grouped.setdefault(str(row.get(key)), []).append(`,
        `            {**row, "${w1}": row.get("${w1}") or ${rng.int(0, 100)}, "${w2}": [item for item in row.get("${w2}", []) if item]}`,
        `        )`,
        `    return grouped`,
      ].join("\n");
  }
}

const LOGIC_HEADER = (imports) => {
  imports.import("time");
  imports.add("collections", "Counter");
  imports.add("collections", "defaultdict");
  imports.add("collections.abc", "Iterable");
  imports.add("collections.abc", "Iterator");
  imports.add("dataclasses", "dataclass");
  imports.add("dataclasses", "field");
  imports.add("datetime", "datetime");
  imports.add("datetime", "timedelta");
  imports.add("typing", "Any");
  imports.import("requests");
  imports.import("structlog");
  imports.add("django.conf", "settings");
  imports.add("django.db", "transaction");
  imports.add("django.utils", "timezone");
  imports.add("posthog.clickhouse.client", "sync_execute_async");
  imports.add("posthog.event_usage", "capture_event");
  imports.add("posthog.utils", "metrics");
};

function functionInsideImport(rng, ctx) {
  // Imports inside functions (to dodge circular imports) are common in this code base.
  const legacy = ctx.world.legacyExports;
  const useLegacy = legacy.length && rng.chance(0.3);
  const { name, app } = useLegacy ? rng.pick(legacy) : { name: "Team", app: ctx.world.coreApp };
  const module = useLegacy ? "posthog.models" : "posthog.models.team";
  const w = word(rng);
  return [
    `def ${verb(rng)}_${w}_for_${snakeCase(name)}(pk: int) -> dict[str, Any]:`,
    `    from ${module} import ${name}`,
    ``,
    `    instance = ${name}.objects.filter(pk=pk).values().first()`,
    `    return {"${w}": instance, "app": "${app.label}"}`,
  ].join("\n");
}

/** logic.py / services / posthog/api helpers. */
export function logicFile(rng, ctx, targetBytes) {
  const imports = new Imports();
  LOGIC_HEADER(imports);
  ctx = { ...ctx, fileModels: codeImports(rng, ctx, imports) };
  const blocks = [
    `logger = structlog.get_logger(__name__)`,
    `PROTECTED_FIELDS = frozenset({"id", "team_id", "created_at", "created_by"})`,
  ];
  let size = 1500;
  while (size < targetBytes) {
    const block = rng.chance(0.08) ? functionInsideImport(rng, ctx) : logicFunction(rng, ctx);
    blocks.push(block);
    size += block.length + 3;
  }
  return `${imports.render()}\n\n${blocks.slice(0, 2).join("\n")}\n\n\n${blocks.slice(2).join("\n\n\n")}\n`;
}

function viewSetClass(rng, ctx) {
  const model = ownModel(rng, ctx);
  const w = word(rng);
  const name = `${model}${pascal(w)}`;
  return [
    `class ${name}Serializer(serializers.ModelSerializer):`,
    `    ${w}_count = serializers.SerializerMethodField()`,
    ``,
    `    class Meta:`,
    `        model = ${model}`,
    `        fields = ["id", "created_at", "${w}_count"]`,
    `        read_only_fields = ["id", "created_at"]`,
    ``,
    `    def get_${w}_count(self, instance: ${model}) -> int:`,
    `        return len(getattr(instance, "${w}_set", []) or [])`,
    ``,
    ``,
    `class ${name}ViewSet(TeamAndOrgViewSetMixin, viewsets.ModelViewSet):`,
    `    scope_object = "${ctx.app.label}"`,
    `    serializer_class = ${name}Serializer`,
    `    queryset = ${model}.objects.all()`,
    `    permission_classes = [IsAuthenticated]`,
    ``,
    `    def safely_get_queryset(self, queryset: QuerySet) -> QuerySet:`,
    `        queryset = queryset.filter(team_id=self.team_id)`,
    `        if search := self.request.query_params.get("search"):`,
    `            queryset = queryset.filter(name__icontains=search)`,
    `        return queryset.order_by("-created_at")`,
    ``,
    `    @action(methods=["POST"], detail=True)`,
    `    def ${verb(rng)}(self, request: Request, **kwargs) -> Response:`,
    `        instance = self.get_object()`,
    `        serializer = self.get_serializer(instance, data=request.data, partial=True)`,
    `        serializer.is_valid(raise_exception=True)`,
    `        serializer.save()`,
    `        return Response(serializer.data, status=status.HTTP_${rng.pick(["200_OK", "202_ACCEPTED"])})`,
  ].join("\n");
}

/** api.py / presentation/views.py / posthog/api/*.py */
export function viewsFile(rng, ctx, targetBytes) {
  const imports = new Imports();
  imports.add("django.db.models", "QuerySet");
  imports.add("rest_framework", "serializers");
  imports.add("rest_framework", "status");
  imports.add("rest_framework", "viewsets");
  imports.add("rest_framework.decorators", "action");
  imports.add("rest_framework.permissions", "IsAuthenticated");
  imports.add("rest_framework.request", "Request");
  imports.add("rest_framework.response", "Response");
  imports.add("posthog.api.routing", "TeamAndOrgViewSetMixin");
  ctx = { ...ctx, fileModels: codeImports(rng, ctx, imports) };
  const blocks = [];
  let size = 900;
  while (size < targetBytes) {
    const block = viewSetClass(rng, ctx);
    blocks.push(block);
    size += block.length + 3;
  }
  return `${imports.render()}\n\n\n${blocks.join("\n\n\n")}\n`;
}

export function tasksFile(rng, ctx, targetBytes) {
  const imports = new Imports();
  imports.add("celery", "shared_task");
  imports.add("datetime", "timedelta");
  imports.add("django.utils", "timezone");
  imports.import("structlog");
  ctx = { ...ctx, fileModels: codeImports(rng, ctx, imports) };
  const blocks = [`logger = structlog.get_logger(__name__)`];
  let size = 500;
  while (size < targetBytes) {
    const model = ownModel(rng, ctx);
    const w = word(rng);
    const block = [
      `@shared_task(ignore_result=True, max_retries=${rng.int(1, 5)})`,
      `def ${verb(rng)}_${w}_${word(rng)}(team_id: int | None = None) -> None:`,
      `    cutoff = timezone.now() - timedelta(days=${rng.int(1, 365)})`,
      `    queryset = ${model}.objects.filter(created_at__lt=cutoff)`,
      `    if team_id is not None:`,
      `        queryset = queryset.filter(team_id=team_id)`,
      `    deleted, _ = queryset.delete()`,
      `    logger.info("${w}_cleanup", deleted=deleted, team_id=team_id)`,
    ].join("\n");
    blocks.push(block);
    size += block.length + 3;
  }
  return `${imports.render()}\n\n${blocks[0]}\n\n\n${blocks.slice(1).join("\n\n\n")}\n`;
}

export function testsFile(rng, ctx, targetBytes) {
  const imports = new Imports();
  imports.import("pytest");
  imports.add("posthog.test.base", "APIBaseTest");
  imports.add("posthog.test.base", "BaseTest");
  ctx = { ...ctx, fileModels: codeImports(rng, ctx, imports) };
  const blocks = [];
  let size = 500;
  while (size < targetBytes) {
    const model = ownModel(rng, ctx);
    const w = word(rng);
    const block = rng.chance(0.5)
      ? [
          `class Test${model}${pascal(w)}(APIBaseTest):`,
          `    def setUp(self) -> None:`,
          `        super().setUp()`,
          `        self.url = f"/api/projects/{self.team.id}/${ctx.app.label}/${w}/"`,
          ``,
          `    def test_list_is_scoped_to_team(self) -> None:`,
          `        response = self.client.get(self.url)`,
          `        assert response.status_code == 200, response.json()`,
          `        assert all(row["team_id"] == self.team.id for row in response.json()["results"])`,
          ``,
          `    @pytest.mark.parametrize("value", [${rng.int(0, 9)}, ${rng.int(10, 99)}, None])`,
          `    def test_${verb(rng)}_${w}(self, value) -> None:`,
          `        response = self.client.post(self.url, {"${w}": value}, format="json")`,
          `        assert response.status_code in (200, 201, 400)`,
        ].join("\n")
      : [
          `@pytest.mark.django_db`,
          `def test_${verb(rng)}_${w}_${word(rng)}(team) -> None:`,
          `    instance = ${model}.objects.create(team_id=team.id)`,
          `    assert ${model}.objects.filter(pk=instance.pk).exists()`,
          `    assert str(instance).startswith("${model}")`,
        ].join("\n");
    blocks.push(block);
    size += block.length + 3;
  }
  return `${imports.render()}\n\n\n${blocks.join("\n\n\n")}\n`;
}

export function conftestFile(rng, ctx) {
  return [
    `import pytest`,
    ``,
    `from posthog.models import Organization, Team`,
    ``,
    ``,
    `@pytest.fixture`,
    `def team(db) -> Team:`,
    `    organization = Organization.objects.create(name="${pascal(ctx.app.label)} test org")`,
    `    return Team.objects.create(organization=organization, name="${ctx.app.label} team")`,
    ``,
  ].join("\n");
}

/** A migration: CreateModel operations, with Django's lower-case `to="app.model"` labels. */
export function migrationFile(rng, ctx, number, targetBytes) {
  const ops = [];
  let size = 400;
  const model = ctx.app.models;
  for (let k = 0; size < targetBytes; k++) {
    const name = model.length ? model[k % model.length] + (k >= model.length ? String(k) : "") : `Placeholder${k}`;
    const fields = [`                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),`];
    for (let f = rng.int(2, 6); f > 0; f--) fields.push(`                ("${ident(rng)}", models.CharField(blank=True, max_length=${rng.int(20, 400)})),`);
    if (ctx.app.routed) fields.push(`                ("team_id", models.BigIntegerField(db_index=True)),`);
    else fields.push(`                ("team", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="posthog.team")),`);
    const op = [
      `        migrations.CreateModel(`,
      `            name="${name}",`,
      `            fields=[`,
      ...fields,
      `            ],`,
      `            options={"db_table": "${ctx.app.label}_${name.toLowerCase()}"},`,
      `        ),`,
    ].join("\n");
    ops.push(op);
    size += op.length + 1;
  }
  const prev = number > 1 ? `("${ctx.app.label}", "${String(number - 1).padStart(4, "0")}_auto")` : `("posthog", "0001_initial")`;
  return [
    `import uuid`,
    ``,
    `import django.db.models.deletion`,
    `from django.db import migrations, models`,
    ``,
    ``,
    `class Migration(migrations.Migration):`,
    `    dependencies = [${prev}]`,
    ``,
    `    operations = [`,
    ...ops,
    `    ]`,
    ``,
  ].join("\n");
}

export function contractsFile(rng, ctx, targetBytes) {
  const blocks = [];
  let size = 300;
  for (let k = 0; size < targetBytes || k === 0; k++) {
    const name = `${pascal(ctx.app.label)}${pascal(word(rng))}${k}`;
    const fields = rng.sample(WORDS, rng.int(3, 7)).map((w) => `    ${w}: ${rng.pick(["int", "str", "str | None", "datetime", "UUID", "tuple[str, ...]", "bool"])}`);
    const block = [`@dataclass(frozen=True)`, `class ${name}:`, ...fields].join("\n");
    blocks.push(block);
    size += block.length + 3;
  }
  return `from dataclasses import dataclass\nfrom datetime import datetime\nfrom uuid import UUID\n\n\n${blocks.join("\n\n\n")}\n`;
}

export function facadeApiFile(rng, ctx, targetBytes) {
  ctx = { ...ctx, fileModels: ctx.app.models };
  const blocks = [];
  let size = 300;
  for (let k = 0; size < targetBytes || k === 0; k++) {
    const model = ownModel(rng, ctx);
    const w = word(rng);
    const block = [
      `def ${verb(rng)}_${w}_${k}(team_id: int, *, limit: int = ${rng.int(10, 500)}) -> list[dict]:`,
      `    rows = ${model}.objects.filter(team_id=team_id).order_by("-created_at")[:limit]`,
      `    return [{"id": row.pk, "${w}": str(row)} for row in rows]`,
    ].join("\n");
    blocks.push(block);
    size += block.length + 3;
  }
  const own = ctx.app.models.length ? `from ..models import ${[...new Set(ctx.app.models)].sort().join(", ")}\n` : "";
  return `${own}from . import contracts  # noqa: F401\n\n\n${blocks.join("\n\n\n")}\n`;
}

export function appsFile(ctx) {
  const className = `${pascal(ctx.app.label)}Config`;
  return [
    `from django.apps import AppConfig`,
    ``,
    ``,
    `class ${className}(AppConfig):`,
    `    name = "${ctx.app.module}"`,
    ...(ctx.app.product ? [`    label = "${ctx.app.label}"`] : []),
    `    verbose_name = "${pascal(ctx.app.label).replace(/([a-z])([A-Z])/g, "$1 $2")}"`,
    ``,
  ].join("\n");
}
