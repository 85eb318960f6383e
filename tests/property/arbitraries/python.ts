/**
 * Generated Python modules that exercise the fixable rules: imports of product and core models
 * (from `posthog.models`, its submodules, re-export shims, relative and real paths), with aliases,
 * parenthesised multi-line layouts, trailing and inner comments, inside functions, `if
 * TYPE_CHECKING:` and `try:` blocks, after a `;`; model classes whose relation fields are written
 * every way SPEC §3 lists (class references, `alias.Model`, labels, bare names, `"self"`, Python
 * paths, typos, `to=`, with and without `models.`, one line or one argument a line). Rendered
 * with LF or CRLF, with or without BOM, indented with spaces or tabs, with non-ASCII text.
 */
import fc from "fast-check";
import { CORE_MODELS, MODEL_NAMES, modelsModuleOf, type ProductSpec, type RepoSpec } from "./repo.js";

export interface Format {
  eol: "\n" | "\r\n";
  bom: boolean;
  indent: "    " | "\t" | "  ";
  finalNewline: boolean;
}

export const format: fc.Arbitrary<Format> = fc.record({
  eol: fc.constantFrom<Format["eol"]>("\n", "\r\n"),
  bom: fc.boolean(),
  indent: fc.constantFrom<Format["indent"]>("    ", "    ", "\t", "  "),
  finalNewline: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

interface ImportedName {
  name: string;
  alias?: string;
  comment?: string;
}

type Stmt =
  | {
      t: "from";
      module: string;
      names: ImportedName[];
      layout: "plain" | "paren" | "paren-ml";
      comment?: string;
      /** After `(` of a multi-line import. */
      openComment?: string;
      /** On its own line inside a multi-line import, before the first name. */
      innerComment?: string;
    }
  | { t: "import"; module: string; alias?: string }
  | { t: "semi"; left: string; right: Stmt }
  | { t: "class"; name: string; decorator?: string; body: Stmt[] }
  | { t: "field"; name: string; field: FieldSpec; comment?: string }
  | { t: "def"; name: string; body: Stmt[] }
  | { t: "if"; cond: string; body: Stmt[] }
  | { t: "try"; body: Stmt[] }
  | { t: "comment"; text: string }
  | { t: "blank" }
  | { t: "line"; text: string }
  | { t: "broken"; text: string };

interface FieldSpec {
  kind: "ForeignKey" | "OneToOneField" | "ManyToManyField" | "ForeignObject";
  callee: "models." | "" | "django.db.models.";
  target: string;
  targetAs: "pos" | "kw" | "kw-late";
  kwargs: string[];
  layout: "inline" | "vertical";
  argComment?: string;
}

export interface PyDoc {
  body: Stmt[];
}

/** Where the generated file sits in the tree, and what that means for the index. */
export interface LintTarget {
  /** Relative to the repository root, with `/`. */
  path: string;
  /** The product whose backend holds the file. */
  product?: ProductSpec;
  /**
   * The models module the file's top-level classes are indexed under (`products.<p>.backend.models`,
   * `posthog.models`), or undefined when the file is not read by the index.
   */
  indexedAs?: string;
  /** The file is the product's `models.py`: its classes replace the spec's models of that product. */
  replacesModels?: boolean;
}

export function lintTarget(spec: RepoSpec): fc.Arbitrary<LintTarget> {
  const options: fc.Arbitrary<LintTarget>[] = [];
  for (const product of spec.products) {
    const base = `products/${product.folder}/backend`;
    options.push(fc.constantFrom("logic", "views", "fields_gen").map((name) => ({ path: `${base}/${name}.py`, product })));
    options.push(fc.constant({ path: `${base}/tests/test_generated.py`, product }));
    if (product.layout === "package") {
      // The package's `__init__.py` does not import the generated module: its classes are imported from it.
      options.push(fc.constant({ path: `${base}/models/generated.py`, product, indexedAs: `${modelsModuleOf(product)}.generated` }));
    } else {
      options.push(fc.constant({ path: `${base}/models.py`, product, indexedAs: modelsModuleOf(product), replacesModels: true }));
    }
  }
  options.push(fc.constant({ path: "posthog/api/generated.py" }));
  options.push(fc.constant({ path: "posthog/models/generated.py", indexedAs: "posthog.models.generated" }));
  options.push(fc.constant({ path: "ee/generated.py" }));
  return fc.oneof(...options);
}

const COMMENT_TEXTS = ["noqa: F401", "légacy import", "日本語のコメント", "emoji 🎉 here", "Ünïcödé", "TODO(team): move", "type: ignore"];
const comment = fc.constantFrom(...COMMENT_TEXTS);
const maybe = <T>(arb: fc.Arbitrary<T>, freq = 3): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { freq, nil: undefined });

const ALIASES = ["Flag", "M", "Alias", "Modèle", "Other"];
const HELPERS = ["get_flag", "helper", "CONSTANT"];

function allModelNames(spec: RepoSpec): string[] {
  return [...new Set([...spec.products.flatMap((p) => p.models.map((m) => m.name)), ...spec.core.map((m) => m.name), ...spec.ee])];
}

/** Modules a `from … import` can name in this tree. */
function importModules(spec: RepoSpec): fc.Arbitrary<string> {
  const folders = spec.products.map((p) => p.folder);
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant("posthog.models") },
    { weight: 2, arbitrary: fc.constantFrom(...CORE_MODELS.map((m) => `posthog.models.${m.sub.replace(/\//gu, ".")}`), "posthog.models.feature_flag") },
    { weight: 3, arbitrary: fc.constantFrom(...folders).map((p) => `products.${p}.models`) },
    { weight: 2, arbitrary: fc.constantFrom(...folders).map((p) => `products.${p}.backend.models`) },
    { weight: 1, arbitrary: fc.constantFrom(".models", "..models", ".generated", "..backend.models") },
    { weight: 1, arbitrary: fc.constantFrom("somewhere.else", "django.contrib.auth.models") },
  );
}

function importedNames(spec: RepoSpec): fc.Arbitrary<ImportedName[]> {
  const names = [...allModelNames(spec), ...HELPERS];
  return fc
    .uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 4 })
    .chain((picked) =>
      fc.tuple(...picked.map((name) => fc.record({ name: fc.constant(name), alias: maybe(fc.constantFrom(...ALIASES), 4), comment: maybe(comment, 4) }))),
    )
    .map((list) => {
      // Local names must be unique within one statement: drop an alias that clashes.
      const names = new Set(list.map((item) => item.name));
      const aliases = new Set<string>();
      return list.map((item) => {
        const result: ImportedName = { name: item.name };
        if (item.alias && !names.has(item.alias) && !aliases.has(item.alias)) {
          result.alias = item.alias;
          aliases.add(item.alias);
        }
        if (item.comment) result.comment = item.comment;
        return result;
      });
    });
}

function fromImport(spec: RepoSpec): fc.Arbitrary<Extract<Stmt, { t: "from" }>> {
  return fc
    .record({
      module: importModules(spec),
      names: importedNames(spec),
      layout: fc.constantFrom<"plain" | "paren" | "paren-ml">("plain", "paren", "paren-ml", "paren-ml"),
      comment: maybe(comment, 3),
      openComment: maybe(comment, 4),
      innerComment: maybe(comment, 5),
    })
    .map((stmt) => {
      const result: Extract<Stmt, { t: "from" }> = { t: "from", module: stmt.module, names: stmt.names, layout: stmt.layout };
      if (stmt.comment) result.comment = stmt.comment;
      if (stmt.layout === "paren-ml") {
        if (stmt.openComment) result.openComment = stmt.openComment;
        if (stmt.innerComment) result.innerComment = stmt.innerComment;
      } else {
        // Per-name comments only exist in multi-line imports.
        result.names = result.names.map(({ comment: _, ...name }) => name);
      }
      return result;
    });
}

/** The local names a statement list binds through `from` imports (at any depth). */
function boundLocals(body: Stmt[]): { local: string; name: string; module: string }[] {
  const found: { local: string; name: string; module: string }[] = [];
  const visit = (stmt: Stmt): void => {
    if (stmt.t === "from") for (const name of stmt.names) found.push({ local: name.alias ?? name.name, name: name.name, module: stmt.module });
    else if (stmt.t === "semi") visit(stmt.right);
    else if ("body" in stmt) stmt.body.forEach(visit);
  };
  body.forEach(visit);
  return found;
}

function fieldTarget(
  spec: RepoSpec,
  locals: string[],
  classNames: string[],
  moduleAliases: { alias: string; product: ProductSpec }[],
  blockLocals: string[],
): fc.Arbitrary<string> {
  const labels = [
    ...spec.products.flatMap((p) => p.models.map((m) => `${p.label}.${m.name}`)),
    ...spec.core.map((m) => `posthog.${m.name}`),
  ];
  const quote = fc.constantFrom('"', "'");
  const str = (arb: fc.Arbitrary<string>) => fc.tuple(quote, arb).map(([q, value]) => `${q}${value}${q}`);
  const options: fc.WeightedArbitrary<string>[] = [
    { weight: 3, arbitrary: str(fc.constantFrom(...labels)) },
    { weight: 1, arbitrary: str(fc.constantFrom(...labels).map((l) => l.toLowerCase())) },
    { weight: 1, arbitrary: str(fc.constantFrom(...labels).map((l) => l.replace(/s\./u, "."))) },
    { weight: 1, arbitrary: str(fc.constantFrom(...labels).map((l) => l.replace(/\.(\w)/u, ".X$1"))) },
    { weight: 1, arbitrary: str(fc.constantFrom("self", "billing.Invoice", "auth.User", "Local", ...MODEL_NAMES.slice(0, 3))) },
    {
      weight: 2,
      arbitrary: str(
        fc.constantFrom(
          ...spec.products.flatMap((p) => p.models.map((m) => `${modelsModuleOf(p)}.${m.name}`)),
          ...spec.core.map((m) => `posthog.models.${m.name}`),
          "products.billing.backend.models.Invoice",
        ),
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom('f"{APP}.Model"', '"posthog" ".Team"', "get_model()", '"""posthog.Team"""', "r'posthog.Team'", "Unknown") },
  ];
  if (locals.length > 0) options.push({ weight: 6, arbitrary: fc.constantFrom(...locals) });
  if (blockLocals.length > 0) options.push({ weight: 4, arbitrary: fc.constantFrom(...blockLocals) });
  if (classNames.length > 0) options.push({ weight: 2, arbitrary: fc.constantFrom(...classNames) });
  if (moduleAliases.length > 0) {
    options.push({
      weight: 2,
      arbitrary: fc.constantFrom(...moduleAliases).chain(({ alias, product }) => fc.constantFrom(...product.models.map((m) => `${alias}.${m.name}`), `${alias}.Missing`)),
    });
  }
  return fc.oneof(...options);
}

function field(target: fc.Arbitrary<string>): fc.Arbitrary<FieldSpec> {
  return fc
    .record({
      kind: fc.constantFrom<FieldSpec["kind"]>("ForeignKey", "ForeignKey", "OneToOneField", "ManyToManyField", "ForeignObject"),
      callee: fc.constantFrom<FieldSpec["callee"]>("models.", "models.", ""),
      target,
      targetAs: fc.constantFrom<FieldSpec["targetAs"]>("pos", "pos", "kw", "kw-late"),
      kwargs: fc.subarray(["on_delete=models.CASCADE", "null=True", "blank=True", 'related_name="+"', 'related_query_name="linked"', 'help_text="Équipe 🎉"', "db_index=False"]),
      layout: fc.constantFrom<FieldSpec["layout"]>("inline", "inline", "vertical"),
      argComment: maybe(comment, 4),
    })
    .map((spec) => {
      const result: FieldSpec = { kind: spec.kind, callee: spec.callee, target: spec.target, targetAs: spec.targetAs, kwargs: spec.kwargs, layout: spec.layout };
      if (spec.argComment && spec.layout === "vertical") result.argComment = spec.argComment;
      return result;
    });
}

const FIELD_NAMES = ["team", "flag", "owner", "parent", "experiment", "café", "item_id", "link"];

/**
 * A module for `target` in the tree `spec`: imports (module level and nested), then model classes
 * using them, functions that use some names elsewhere, comments, and rarely a broken line.
 */
export function pythonModule(spec: RepoSpec): fc.Arbitrary<PyDoc> {
  const moduleAliasImport = fc.constantFrom(...spec.products).map((product) => ({
    stmt: { t: "from" as const, module: `products.${product.folder}.backend`, names: [{ name: "models", alias: `${product.folder}_models` }], layout: "plain" as const },
    alias: { alias: `${product.folder}_models`, product },
  }));
  const topImports = fc.array(fromImport(spec), { maxLength: 4 });
  const nestedImports = fc.array(
    fc.record({
      where: fc.constantFrom<"def" | "if" | "try" | "semi">("def", "if", "try", "semi"),
      stmt: fromImport(spec),
    }),
    { maxLength: 2 },
  );
  return fc
    .record({
      header: maybe(comment, 2),
      topImports,
      nestedImports,
      aliasImport: maybe(moduleAliasImport, 3),
      classNames: fc.uniqueArray(fc.constantFrom(...MODEL_NAMES, "Local", "Child"), { maxLength: 3 }),
    })
    .chain(({ header, topImports: tops, nestedImports: nested, aliasImport, classNames }) => {
      const nestedStmts: Stmt[] = nested.map(({ where, stmt }, i): Stmt => {
        switch (where) {
          case "def":
            return { t: "def", name: `load_${i}`, body: [stmt, { t: "line", text: `return ${stmt.names[0]!.alias ?? stmt.names[0]!.name}` }] };
          // One name, often used only as a relation target: removing it must leave the block valid (`pass`).
          case "if":
            return { t: "if", cond: "TYPE_CHECKING", body: [{ ...stmt, names: stmt.names.slice(0, 1) }] };
          case "try":
            return { t: "try", body: [{ ...stmt, names: stmt.names.slice(0, 1) }] };
          case "semi":
            return { t: "semi", left: "import os", right: { ...stmt, layout: stmt.layout === "paren-ml" ? "paren" : stmt.layout, names: stmt.names.map(({ comment: _, ...n }) => n) } };
        }
      });
      const imports: Stmt[] = [
        { t: "from", module: "django.db", names: [{ name: "models" }], layout: "plain" },
        ...(aliasImport ? [aliasImport.stmt] : []),
        ...tops,
      ];
      const locals = [...new Set(boundLocals([...imports.slice(1), ...nestedStmts]).map((b) => b.local))].filter((l) => !l.endsWith("_models"));
      const blockLocals = boundLocals(nestedStmts.filter((stmt) => stmt.t === "if" || stmt.t === "try")).map((b) => b.local);
      const target = fieldTarget(spec, locals, classNames, aliasImport ? [aliasImport.alias] : [], blockLocals);
      const classBody = fc
        .record({
          fields: fc.array(fc.record({ name: fc.constantFrom(...FIELD_NAMES), field: field(target), comment: maybe(comment, 4) }), { minLength: 1, maxLength: 4 }),
          meta: fc.boolean(),
          decorator: maybe(fc.constant("@register"), 5),
        })
        .map(({ fields, meta, decorator }) => {
          const body: Stmt[] = fields.map((f): Stmt => ({ t: "field", name: f.name, field: f.field, ...(f.comment ? { comment: f.comment } : {}) }));
          if (meta) body.push({ t: "blank" }, { t: "class", name: "Meta", body: [{ t: "line", text: 'db_table = "généré"' }] });
          return { body, decorator };
        });
      return fc.record({
        classes: fc.tuple(...classNames.map(() => classBody)),
        uses: fc.subarray(locals),
        // Uses that are not identifiers: string annotations, `cast("X", …)`, `__all__`, and
        // references inside `if TYPE_CHECKING:`.
        annotated: fc.subarray(locals, { maxLength: Math.min(2, locals.length) }),
        casts: fc.subarray(locals, { maxLength: Math.min(1, locals.length) }),
        exported: fc.subarray(locals, { maxLength: Math.min(2, locals.length) }),
        typeCheckingUses: fc.subarray(locals, { maxLength: Math.min(1, locals.length) }),
        inFunctionClass: fc.boolean(),
        comments: fc.array(comment, { maxLength: 2 }),
        broken: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom("def broken(:", "x = (1,", "class Broken(models.Model)\n    pass") }),
        shuffleSeed: fc.nat(),
      }).map(({ classes, uses, annotated, casts, exported, typeCheckingUses, inFunctionClass, comments, broken }) => {
        const body: Stmt[] = [];
        if (header) body.push({ t: "comment", text: header });
        body.push(...imports, { t: "blank" }, ...nestedStmts, { t: "blank" });
        classes.forEach((cls, i) => {
          const classStmt: Stmt = {
            t: "class",
            name: classNames[i]!,
            ...(cls.decorator ? { decorator: cls.decorator } : {}),
            body: cls.body,
          };
          body.push({ t: "blank" });
          if (inFunctionClass && i === classes.length - 1) body.push({ t: "def", name: "make_model", body: [classStmt, { t: "line", text: `return ${classNames[i]}` }] });
          else body.push(classStmt);
          if (comments[i]) body.push({ t: "comment", text: comments[i]! });
        });
        if (uses.length > 0) {
          body.push({ t: "blank" }, { t: "def", name: "use_names", body: [{ t: "line", text: `return [${uses.join(", ")}]` }] });
        }
        for (const [i, name] of annotated.entries()) {
          body.push({ t: "blank" }, { t: "line", text: `def annotated_${i}(value: "${name}") -> "Optional[list[${name}]]":` }, { t: "line", text: "    return value" });
        }
        for (const name of casts) body.push({ t: "blank" }, { t: "line", text: `def cast_value(value):` }, { t: "line", text: `    return cast("${name}", value)` });
        if (typeCheckingUses.length > 0) body.push({ t: "if", cond: "TYPE_CHECKING", body: typeCheckingUses.map((name) => ({ t: "line", text: `${name}Alias = ${name}` })) });
        if (exported.length > 0) body.push({ t: "line", text: `__all__ = [${exported.map((name) => `"${name}"`).join(", ")}]` });
        if (broken) body.push({ t: "blank" }, { t: "broken", text: broken });
        return { body };
      });
    });
}

/** Renders a document. Comments get a unique `#cN` tag so tests can follow each one. */
export function renderModule(doc: PyDoc, fmt: Format): string {
  const lines: string[] = [];
  let commentId = 0;
  const tag = (text: string): string => `# c${++commentId} ${text}`;
  const ind = (depth: number): string => fmt.indent.repeat(depth);

  const renderFrom = (stmt: Extract<Stmt, { t: "from" }>, depth: number): string[] => {
    const names = stmt.names.map((n) => (n.alias ? `${n.name} as ${n.alias}` : n.name));
    const trailing = stmt.comment ? `  ${tag(stmt.comment)}` : "";
    if (stmt.layout === "plain") return [`${ind(depth)}from ${stmt.module} import ${names.join(", ")}${trailing}`];
    if (stmt.layout === "paren") return [`${ind(depth)}from ${stmt.module} import (${names.join(", ")})${trailing}`];
    const out = [`${ind(depth)}from ${stmt.module} import (${stmt.openComment ? `  ${tag(stmt.openComment)}` : ""}`];
    if (stmt.innerComment) out.push(`${ind(depth + 1)}${tag(stmt.innerComment)}`);
    stmt.names.forEach((n, i) => out.push(`${ind(depth + 1)}${names[i]},${n.comment ? `  ${tag(n.comment)}` : ""}`));
    out.push(`${ind(depth)})${trailing}`);
    return out;
  };

  const renderField = (stmt: Extract<Stmt, { t: "field" }>, depth: number): string[] => {
    const { field } = stmt;
    const target = field.targetAs === "pos" ? field.target : `to=${field.target}`;
    const args = field.targetAs === "kw-late" ? [...field.kwargs, target] : [target, ...field.kwargs];
    const head = `${ind(depth)}${stmt.name} = ${field.callee}${field.kind}(`;
    const trailing = stmt.comment ? `  ${tag(stmt.comment)}` : "";
    if (field.layout === "inline") return [`${head}${args.join(", ")})${trailing}`];
    const out = [head];
    args.forEach((arg, i) => out.push(`${ind(depth + 1)}${arg},${i === 0 && field.argComment ? `  ${tag(field.argComment)}` : ""}`));
    out.push(`${ind(depth)})${trailing}`);
    return out;
  };

  const renderBody = (body: Stmt[], depth: number): void => {
    const start = lines.length;
    for (const stmt of body) render(stmt, depth);
    const hasStatement = lines.slice(start).some((line) => line.trim() !== "" && !line.trim().startsWith("#"));
    if (!hasStatement) lines.push(`${ind(depth)}pass`);
  };

  const render = (stmt: Stmt, depth: number): void => {
    switch (stmt.t) {
      case "from":
        lines.push(...renderFrom(stmt, depth));
        return;
      case "import":
        lines.push(`${ind(depth)}import ${stmt.module}${stmt.alias ? ` as ${stmt.alias}` : ""}`);
        return;
      case "semi": {
        const right = stmt.right.t === "from" ? renderFrom(stmt.right, 0) : [];
        lines.push(`${ind(depth)}${stmt.left}; ${right.join(" ")}`);
        return;
      }
      case "class":
        if (stmt.decorator) lines.push(`${ind(depth)}${stmt.decorator}`);
        lines.push(`${ind(depth)}class ${stmt.name}(models.Model):`);
        renderBody(stmt.body, depth + 1);
        return;
      case "field":
        lines.push(...renderField(stmt, depth));
        return;
      case "def":
        lines.push(`${ind(depth)}def ${stmt.name}():`);
        renderBody(stmt.body, depth + 1);
        return;
      case "if":
        lines.push(`${ind(depth)}if ${stmt.cond}:`);
        renderBody(stmt.body, depth + 1);
        return;
      case "try":
        lines.push(`${ind(depth)}try:`);
        renderBody(stmt.body, depth + 1);
        lines.push(`${ind(depth)}except ImportError:`, `${ind(depth + 1)}pass`);
        return;
      case "comment":
        lines.push(`${ind(depth)}${tag(stmt.text)}`);
        return;
      case "blank":
        lines.push("");
        return;
      case "line":
        lines.push(`${ind(depth)}${stmt.text}`);
        return;
      case "broken":
        lines.push(...stmt.text.split("\n").map((line) => `${ind(depth)}${line}`));
        return;
    }
  };

  lines.push("from typing import TYPE_CHECKING");
  renderBody(doc.body, 0);
  let text = lines.join(fmt.eol);
  if (fmt.finalNewline) text += fmt.eol;
  return (fmt.bom ? "\uFEFF" : "") + text;
}

/** Names of the top-level classes of a document (what the index reads from a models module). */
export function topLevelClasses(doc: PyDoc): string[] {
  return doc.body.filter((stmt): stmt is Extract<Stmt, { t: "class" }> => stmt.t === "class").map((stmt) => stmt.name);
}
