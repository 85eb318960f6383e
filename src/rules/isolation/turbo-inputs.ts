/**
 * hogli's reading of a product's `turbo.json` `backend:contract-check` inputs (isolation.py): when
 * they are narrowed to the product's public surface, and which locations they leave unwatched.
 * Every function returns "nothing unwatched" for empty inputs (no narrowing, nothing to check).
 */
import { GARAGE_PREFIXES } from "../../project/conventions.js";

/** The public surface a narrowing must watch at least part of. */
const FACADE_SURFACE = ["backend/facade/", "backend/presentation/"];
const ROUTES = ["backend/routes.py", "backend/routes/"];

/** A model or migration change must re-run the Django suite (apps.get_model, migrations, admin reach models without imports). */
export const MODEL_SURFACE = ["backend/models/", "backend/models.py", "backend/migrations/"] as const;

const withoutDotSlash = (input: string): string => (input.startsWith("./") ? input.slice(2) : input);

function positiveInputs(inputs: readonly string[]): string[] {
  return inputs.filter((input) => !input.startsWith("!")).map(withoutDotSlash);
}

/** `backend.sql` → `backend/sql.py` and `backend/sql/`. */
export function moduleLocations(module: string): [string, string] {
  const base = module.replace(/\./gu, "/");
  return [`${base}.py`, `${base}/`];
}

export interface NarrowingSurface {
  permanentModules?: readonly string[];
  carveOutModules?: readonly string[];
  modelSurface?: readonly string[];
}

/**
 * Narrowed: every (non-negated) input lies in the accepted surface (facade, presentation, routes,
 * wiring locations, permanent and carve-out modules, the model surface when given) and one of
 * them watches the facade or the presentation.
 */
export function hasNarrowedTurboInputs(inputs: readonly string[], surface: NarrowingSurface = {}): boolean {
  const positive = positiveInputs(inputs);
  if (positive.length === 0) return false;
  const accepted = [
    ...FACADE_SURFACE,
    ...ROUTES,
    ...GARAGE_PREFIXES,
    ...(surface.permanentModules ?? []).flatMap(moduleLocations),
    ...(surface.carveOutModules ?? []),
    ...(surface.modelSurface ?? []),
  ];
  return positive.every((input) => accepted.some((prefix) => input.startsWith(prefix))) && positive.some((input) => FACADE_SURFACE.some((prefix) => input.startsWith(prefix)));
}

/** Some (non-negated) input watches `backend/routes.py` or `backend/routes/`. */
export function routesInTurboInputs(inputs: readonly string[]): boolean {
  return positiveInputs(inputs).some((input) => ROUTES.some((prefix) => input.startsWith(prefix)));
}

/** hogli's `_input_covers`: a folder by a prefix; a file by itself or by `<folder>/**` above it. */
export function inputCovers(input: string, location: string): boolean {
  if (location.endsWith("/")) return input.startsWith(location);
  if (input === location) return true;
  if (!input.endsWith("/**")) return false;
  const folder = input.slice(0, -3);
  return !folder.includes("*") && location.startsWith(`${folder}/`);
}

/** The targets none of whose forms a (non-negated) input covers. */
export function uncoveredLocations<T>(inputs: readonly string[], targets: readonly T[], forms: (target: T) => readonly string[]): T[] {
  const positive = positiveInputs(inputs);
  if (inputs.length === 0) return [];
  return targets.filter((target) => !forms(target).some((location) => positive.some((input) => inputCovers(input, location))));
}

/**
 * The model surface the inputs leave unwatched (stricter than coverage): `backend/models/` and
 * `backend/models.py` when they exist, `backend/migrations/` always, each watched only by its
 * exact glob (`backend/models/**`) and not undone by a negation overlapping it.
 */
export function unwatchedModelSurface(inputs: readonly string[], exists: (location: string) => boolean): string[] {
  if (inputs.length === 0) return [];
  const positive = positiveInputs(inputs);
  const negated = inputs.filter((input) => input.startsWith("!")).map((input) => withoutDotSlash(input.slice(1)));
  return MODEL_SURFACE.filter((location) => {
    if (location !== "backend/migrations/" && !exists(location)) return false;
    const glob = location.endsWith("/") ? `${location}**` : location;
    if (!positive.includes(glob)) return true;
    return negated.some((negation) => {
      const literal = negation.split("*")[0]!;
      return literal.startsWith(location) || location.startsWith(literal);
    });
  });
}

/** `backend/tasks/` → `backend/tasks/**`; a file stays as it is. */
export function locationGlob(location: string): string {
  return location.endsWith("/") ? `${location}**` : location;
}
