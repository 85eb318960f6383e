// The generated parts of the rule docs and the README: each rule doc's header and options list,
// and the README's rule table. `tools/update-rule-docs.js` writes them; a test checks they are
// up to date (`npm test`).

const HEADER_END = "<!-- end auto-generated rule header -->";
const OPTIONS_BEGIN = "<!-- begin auto-generated rule options list -->";
const OPTIONS_END = "<!-- end auto-generated rule options list -->";
const TABLE_BEGIN = "<!-- begin auto-generated rules list -->";
const TABLE_END = "<!-- end auto-generated rules list -->";

const FIX_URL = "https://eslint.org/docs/latest/use/command-line-interface#--fix";
const SUGGESTIONS_URL = "https://eslint.org/docs/latest/use/core-concepts#rule-suggestions";

/** The sections every rule doc has, in this order (more may sit between them). */
export const REQUIRED_SECTIONS = ["## Rule details", "## Why", "## Examples", "## Options", "## When not to use it"];

/** The config blocks that enable a rule, and the files they lint. */
function configsOf(plugin, ruleName) {
  const id = `${plugin.meta.namespace}/${ruleName}`;
  const found = { configs: [], files: [] };
  for (const configName of ["recommended", "all"]) {
    for (const block of plugin.configs[configName]) {
      if (!block.rules?.[id]) continue;
      if (!found.configs.includes(configName)) found.configs.push(configName);
      for (const pattern of block.files ?? []) if (!found.files.includes(pattern)) found.files.push(pattern);
    }
  }
  return found;
}

function sentence(text) {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The generated header of `docs/rules/<rule>.md`. */
export function ruleHeader(plugin, ruleName) {
  const { meta } = plugin.rules[ruleName];
  const { configs, files } = configsOf(plugin, ruleName);
  const lines = [`# ${plugin.meta.namespace}/${ruleName}`, "", `📝 ${sentence(meta.docs.description)}`, ""];
  const asWarning = meta.docs.severity === "warn" ? " as a warning" : "";
  if (configs.includes("recommended")) lines.push(`💼 This rule is enabled${asWarning} in the ✅ \`recommended\` config (and in \`all\`).`, "");
  else lines.push("💼 This rule is enabled in the `all` config only.", "");
  if (meta.fixable) lines.push(`🔧 This rule is automatically fixable by the [\`--fix\` CLI option](${FIX_URL}).`, "");
  if (meta.hasSuggestions) lines.push(`💡 This rule is manually fixable by [editor suggestions](${SUGGESTIONS_URL}).`, "");
  lines.push(`📄 Files: ${files.map((pattern) => `\`${pattern}\``).join(", ")} (language \`${meta.languages.join("`, `")}\`).`, "");
  lines.push(HEADER_END);
  return lines.join("\n");
}

function typeOf(schema) {
  if (schema.type === "array") return `${schema.items?.type ?? "unknown"}[]`;
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" \\| ");
  return schema.type ?? "unknown";
}

function defaultOf(value) {
  if (value === undefined) return "";
  if (Array.isArray(value) && value.length > 6) return `${value.length} entries (see below)`;
  return `\`${JSON.stringify(value)}\``;
}

/** The generated options table of a rule (its first, object-shaped option). */
export function ruleOptionsList(plugin, ruleName) {
  const { meta } = plugin.rules[ruleName];
  const properties = meta.schema?.[0]?.properties ?? {};
  const defaults = meta.defaultOptions?.[0] ?? {};
  const rows = Object.entries(properties).map(
    ([name, schema]) => `| \`${name}\` | ${schema.description ?? ""} | ${typeOf(schema)} | ${defaultOf(defaults[name])} |`,
  );
  const body = rows.length === 0 ? ["This rule has no options."] : ["| Name | Description | Type | Default |", "| :-- | :-- | :-- | :-- |", ...rows];
  return [OPTIONS_BEGIN, "", ...body, "", OPTIONS_END].join("\n");
}

/** The README's rule table. */
export function rulesTable(plugin) {
  const rows = Object.keys(plugin.rules)
    .sort()
    .map((ruleName) => {
      const { meta } = plugin.rules[ruleName];
      const { configs, files } = configsOf(plugin, ruleName);
      const cells = [
        `[${ruleName}](docs/rules/${ruleName}.md)`,
        sentence(meta.docs.description),
        files.map((pattern) => `\`${pattern}\``).join(", "),
        configs.includes("recommended") ? (meta.docs.severity === "warn" ? "⚠️" : "✅") : "",
        meta.fixable ? "🔧" : "",
        meta.hasSuggestions ? "💡" : "",
      ];
      return `| ${cells.join(" | ")} |`;
    });
  const legend = "💼 in `configs.recommended` ✅ (⚠️ as a warning) · 🔧 fixable with `--fix` · 💡 editor suggestions";
  return [TABLE_BEGIN, "", legend, "", "| Name | Description | Files | 💼 | 🔧 | 💡 |", "| :-- | :-- | :-- | :-: | :-: | :-: |", ...rows, "", TABLE_END].join("\n");
}

function replaceBetween(text, begin, end, replacement, what) {
  const start = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (start === -1 || stop === -1 || stop < start) throw new Error(`${what}: missing the ${begin} ... ${end} markers`);
  return text.slice(0, start) + replacement + text.slice(stop + end.length);
}

/** A rule doc with its generated parts brought up to date. */
export function updateRuleDoc(plugin, ruleName, text) {
  const headerEnd = text.indexOf(HEADER_END);
  const body = headerEnd === -1 ? text.replace(/^# .*\n/, "") : text.slice(headerEnd + HEADER_END.length);
  const withHeader = `${ruleHeader(plugin, ruleName)}${body.startsWith("\n") ? "" : "\n"}${body}`;
  return replaceBetween(withHeader, OPTIONS_BEGIN, OPTIONS_END, ruleOptionsList(plugin, ruleName), `docs/rules/${ruleName}.md`);
}

/** The README with its rule table brought up to date. */
export function updateReadme(plugin, text) {
  return replaceBetween(text, TABLE_BEGIN, TABLE_END, rulesTable(plugin), "README.md");
}

/** The required sections a rule doc lacks or has out of order. */
export function missingSections(text) {
  const positions = REQUIRED_SECTIONS.map((heading) => text.search(new RegExp(`^${heading}\\s*$`, "m")));
  const missing = REQUIRED_SECTIONS.filter((_, i) => positions[i] === -1);
  const present = positions.filter((position) => position !== -1);
  const ordered = present.every((position, i) => i === 0 || position > present[i - 1]);
  return ordered ? missing : [...missing, "(sections out of order)"];
}
