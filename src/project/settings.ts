import { PLUGIN_NAMESPACE } from "../meta.js";
import type { PluginSettings } from "./types.js";

/**
 * A bad plugin setting. ESLint stops with exit code 2 and prints `error.stack` when a rule
 * throws: the stack here is the message alone, so the user reads one sentence, not a trace.
 */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigurationError";
    Object.defineProperty(this, "stack", { get: () => this.message, configurable: true });
  }
}

const SETTING = `settings["${PLUGIN_NAMESPACE}"]`;
const KEYS = ["root", "authUserModel", "repositoryFingerprint"] as const;
const LABEL = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/u;

/** A value as it reads in a message: strings quoted, the rest as JSON. */
export function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "undefined";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function settingName(key?: string): string {
  return key ? `${SETTING}.${key}` : SETTING;
}

/** The plugin's configs set `repositoryFingerprint` to an object whose `toJSON` computes it (see `configs/fingerprint-setting.ts`). */
function isSerializedAsString(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function";
}

const validated = new WeakMap<object, PluginSettings>();

function validate(raw: object): PluginSettings {
  if (Array.isArray(raw)) throw new ConfigurationError(`${SETTING} must be an object, got ${shown(raw)}.`);
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new ConfigurationError(`Unknown setting ${settingName(key)}: the settings are ${KEYS.join(", ")}.`);
    }
  }
  const result: PluginSettings = {};
  const { root, authUserModel, repositoryFingerprint } = record;
  if (root !== undefined) {
    if (typeof root !== "string" || root.trim() === "") {
      throw new ConfigurationError(`${settingName("root")} must be a folder path (a non-empty string), got ${shown(root)}.`);
    }
    result.root = root;
  }
  if (authUserModel !== undefined) {
    if (typeof authUserModel !== "string" || !LABEL.test(authUserModel)) {
      throw new ConfigurationError(`${settingName("authUserModel")} must be a model label like "posthog.User", got ${shown(authUserModel)}.`);
    }
    result.authUserModel = authUserModel;
  }
  if (repositoryFingerprint !== undefined && typeof repositoryFingerprint !== "string" && !isSerializedAsString(repositoryFingerprint)) {
    throw new ConfigurationError(`${settingName("repositoryFingerprint")} must be a string, got ${shown(repositoryFingerprint)}.`);
  }
  return result;
}

/** The plugin's settings from ESLint's shared `settings`, validated; throws {@link ConfigurationError}. */
export function readPluginSettings(settings: Record<string, unknown> | undefined): PluginSettings {
  const raw = settings?.[PLUGIN_NAMESPACE];
  if (raw === undefined) return {};
  if (raw === null || typeof raw !== "object") throw new ConfigurationError(`${SETTING} must be an object, got ${shown(raw)}.`);
  let result = validated.get(raw);
  if (!result) validated.set(raw, (result = validate(raw)));
  return result;
}
