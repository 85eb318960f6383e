/**
 * The product trees of hogli's test_checks.py (`_make_product`, `_write_facade_product`,
 * `_seal_externally`), as files of a temporary repository.
 */
import type { Files } from "./product-trees.js";

/** hogli's `_WITH_SCRIPT`. */
export const WITH_SCRIPT = { "backend:test": "pytest -c ../../pytest.ini --rootdir ../.. backend/ -v --tb=short", "backend:contract-check": "echo 'Contract files unchanged'" };
/** hogli's `_NARROWED_TURBO` and `_NARROWED_TURBO_WITH_ROUTES`. */
export const NARROWED_TURBO = ["backend/facade/**", "backend/presentation/**", "backend/migrations/**"];
export const NARROWED_TURBO_WITH_ROUTES = [...NARROWED_TURBO, "backend/routes.py"];

/** `backend/facade/queries.py` handing out the class Thing of `backend/logic.py` (a facade leak). */
export const VIOLATION: Files = { "facade/queries.py": "from ..logic import Thing\n__all__ = ['Thing']\n", "logic.py": "class Thing:\n    pass\n" };

export interface HogliProduct {
  name?: string;
  /** package.json `scripts`; no package.json when null/undefined. */
  scripts?: Record<string, string> | null;
  hasBackend?: boolean;
  /** facade/contracts.py and a real facade/api.py. */
  isolated?: boolean;
  /** Files below backend/ (a path ending in `/` is a folder). */
  backend?: Files;
  /** Files below the product. */
  files?: Files;
  /** turbo.json `tasks["backend:contract-check"].inputs`. */
  turboInputs?: string[];
  /** tach.toml gives the product an interface and no leak (`_seal_externally`). */
  sealed?: boolean;
  /** More tach.toml text. */
  tach?: string;
}

/** The files of a repository holding one product as hogli's tests build it. */
export function hogliProduct(options: HogliProduct): Files {
  const name = options.name ?? "my_product";
  const dir = `products/${name}`;
  const files: Files = {};
  if (options.hasBackend ?? true) files[`${dir}/backend/`] = "";
  if (options.isolated) {
    files[`${dir}/backend/facade/contracts.py`] = "";
    files[`${dir}/backend/facade/api.py`] = "def get_thing():\n    pass\n";
  }
  if (options.scripts) files[`${dir}/package.json`] = JSON.stringify({ scripts: options.scripts });
  for (const [relative, text] of Object.entries(options.backend ?? {})) files[`${dir}/backend/${relative}`] = text;
  for (const [relative, text] of Object.entries(options.files ?? {})) files[`${dir}/${relative}`] = text;
  if (options.turboInputs) files[`${dir}/turbo.json`] = JSON.stringify({ tasks: { "backend:contract-check": { inputs: options.turboInputs } } });
  const tach: string[] = [];
  if (options.sealed) tach.push(`[[modules]]\npath = "products.${name}"\ndepends_on = []\n\n[[interfaces]]\nexpose = ["backend\\\\.facade.*"]\nfrom = ["products.${name}"]\n`);
  if (options.tach) tach.push(options.tach);
  if (tach.length > 0) files["tach.toml"] = tach.join("\n");
  return files;
}

/** The product's files ESLint lints for hogli's chain checks: package.json, turbo.json and the facade modules. */
export function chainFiles(files: Files, name = "my_product"): string[] {
  const dir = `products/${name}/`;
  return Object.keys(files).filter(
    (file) => file.startsWith(dir) && (file === `${dir}package.json` || file === `${dir}turbo.json` || (file.startsWith(`${dir}backend/facade/`) && file.endsWith(".py"))),
  );
}
