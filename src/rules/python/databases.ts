import type { RepoIndex } from "../../project/types.js";

/** The database of every app without a route in db_routing.yaml. */
export const DEFAULT_DATABASE = "default";

/** The database `products/db_routing.yaml` puts an app in (its route's, else the default one). */
export function databaseOf(index: RepoIndex, appLabel: string): string {
  return index.dbRoutes.get(appLabel)?.database ?? DEFAULT_DATABASE;
}
