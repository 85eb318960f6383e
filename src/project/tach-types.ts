import type { TachBoundaries, TachInterfaceSemantics } from "./tach-boundaries.js";

/** A `[[modules]]` block of tach.toml that has a `path`. */
interface TachModule {
  /** `path` (a dotted module: `products.visual_review`, `posthog`, `<root>`). */
  path: string;
  /** 1-based line of the `[[modules]]` header. */
  line: number;
  /** The module paths of `depends_on`, with the 1-based line of each. */
  dependsOn: string[];
  dependsOnLines: number[];
  /** The block has a non-empty `interfaces` key of its own. */
  hasInterfaces: boolean;
}

export interface TachInterface extends TachInterfaceSemantics {
  /** `from` patterns as written (regexes in tach; `[]` when the key is missing, see `fromPatterns`). */
  from: string[];
  /** 1-based line of each `from` pattern, same order as `from`. */
  fromLines: number[];
  /** `expose` patterns as written. */
  expose: string[];
  /** 1-based line of the `[[interfaces]]` header. */
  line: number;
  /** 1-based line of each expose entry, same order as `expose`. */
  exposeLines: number[];
  /** A comment right above the header says `isolation:permanent-interface` (hogli's exemption). */
  permanent: boolean;
}

/** `tach.toml` as the index read it. */
export interface TachInfo extends TachBoundaries {
  file: string;
  exists: boolean;
  /** The file exists but cannot be read or parsed: nothing is known of it. */
  unreadable: boolean;
  /** The `[[modules]]` blocks with a `path`, in file order. */
  modules: TachModule[];
  /** Every `[[interfaces]]` block, in file order. */
  interfaces: TachInterface[];
}
