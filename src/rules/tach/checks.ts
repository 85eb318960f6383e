/**
 * hogli's checks of tach.toml (`validate_tach_toml` and the per-product tach check of
 * `product:lint`), on the blocks of the file being linted, each finding at its node.
 */
import type { AST } from "toml-eslint-parser";
import { writtenString, type TachDocument, type TachInterfaceTable, type TachString } from "../../project/tach-document.js";
import { alternationNames, hasTachInterface, isPublicSurface, namesFromPattern, normalizePattern } from "../isolation/hogli-tach.js";
import type { RepoIndex } from "../../project/types.js";
import type { TextEdit } from "../text-edit.js";
import { closestMatch } from "../did-you-mean.js";

export type TachMessageId =
  | "missingModule"
  | "missingInterface"
  | "unparseableFrom"
  | "unsortedAlternation"
  | "staleMissing"
  | "staleNotIsolated"
  | "mixedExposes"
  | "overlyBroadExpose"
  | "danglingInterface"
  | "danglingDependency"
  | "useModule";

export interface TachFinding {
  /** Where: a node of the file, or null for the start of the file (a block that is missing). */
  node: AST.TOMLNode | null;
  messageId: TachMessageId;
  data: Record<string, string>;
  fix?: TextEdit;
  suggest?: { messageId: TachMessageId; data: Record<string, string>; fix: TextEdit }[];
}

/** A block hogli reads: one with both `from` and `expose`. */
type Block = TachInterfaceTable & { from: TachString[]; expose: TachString[] };
const blocksOf = (document: TachDocument): Block[] => document.interfaces.filter((block): block is Block => block.from !== null && block.expose !== null);

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The product names of a block's `from` patterns, sorted, or the patterns themselves: how hogli names a block. */
function labelOf(block: Block): string {
  const names = [...new Set(block.from.flatMap((pattern) => [...namesFromPattern(pattern.value)]))].sort(byCodePoint);
  return names.length > 0 ? names.join(", ") : block.from.map((pattern) => pattern.value).join(", ");
}

/** Every product with Python files has a `[[modules]]` block; every isolated one an interface. */
export function checkProducts(document: TachDocument, index: RepoIndex): TachFinding[] {
  const findings: TachFinding[] = [];
  const modules = document.modules.filter((module) => module.path);
  const declared = {
    modules: modules.map((module) => ({ path: module.path!.value, hasInterfaces: module.hasInterfaces })),
    interfaces: blocksOf(document).map((block) => ({ from: block.from.map((pattern) => pattern.value) })),
  };
  for (const product of [...index.products.values()].sort((a, b) => byCodePoint(a.name, b.name))) {
    if (!product.hasPythonFiles || product.name.startsWith("_")) continue;
    const module = modules.find((candidate) => candidate.path!.value === `products.${product.name}`);
    if (!module) findings.push({ node: null, messageId: "missingModule", data: { product: product.name } });
    else if (product.isolated && !hasTachInterface(declared, product.name)) {
      findings.push({ node: module.path!.node, messageId: "missingInterface", data: { product: product.name } });
    }
  }
  return findings;
}

/** The edit that sorts an alternation's names in the string as written, when its names are plain. */
function sortEdit(pattern: TachString, text: string, sorted: string[]): TextEdit | undefined {
  const raw = text.slice(pattern.node.range[0], pattern.node.range[1]);
  const open = raw.lastIndexOf("(");
  const close = raw.indexOf(")", open);
  if (open === -1 || close === -1) return undefined;
  const written = raw.slice(open + 1, close).split("|").map((name) => name.trim());
  if (written.slice().sort(byCodePoint).join("|") !== sorted.join("|")) return undefined;
  return { range: [pattern.node.range[0] + open + 1, pattern.node.range[0] + close], text: sorted.join("|") };
}

/** A canonical block: a non-empty expose, all public surface, at least one facade or presentation pattern. */
function isCanonical(block: Block): boolean {
  const exposes = block.expose.map((pattern) => normalizePattern(pattern.value));
  return (
    exposes.length > 0 &&
    block.expose.every((pattern) => isPublicSurface(pattern.value)) &&
    exposes.some((pattern) => pattern.startsWith("backend.facade") || pattern.startsWith("backend.presentation"))
  );
}

/** hogli's `validate_facade_alternation`: the canonical blocks name only existing, isolated products, sorted. */
export function checkAlternation(document: TachDocument, index: RepoIndex, text: string): TachFinding[] {
  const findings: TachFinding[] = [];
  for (const block of blocksOf(document).filter(isCanonical)) {
    for (const pattern of block.from) {
      const names = namesFromPattern(pattern.value);
      if (names.size === 0) {
        findings.push({ node: pattern.node, messageId: "unparseableFrom", data: { pattern: writtenString(pattern, text) } });
        continue;
      }
      const written = alternationNames(pattern.value);
      const sorted = written?.slice().sort(byCodePoint);
      if (written && sorted && written.join("|") !== sorted.join("|")) {
        const fix = sortEdit(pattern, text, sorted);
        findings.push({ node: pattern.node, messageId: "unsortedAlternation", data: { expected: sorted.join("|") }, ...(fix ? { fix } : {}) });
      }
      for (const name of [...names].sort(byCodePoint)) {
        const product = index.products.get(name);
        if (!product) findings.push({ node: pattern.node, messageId: "staleMissing", data: { product: name } });
        else if (!product.isolated) findings.push({ node: pattern.node, messageId: "staleNotIsolated", data: { product: name } });
      }
    }
  }
  return findings;
}

const OVERLY_BROAD = /^backend\.{0,2}\*/u;

/** hogli's `validate_interface_blocks`: no block mixes public and internal exposes, none exposes `backend.*`. */
export function checkBlocks(document: TachDocument, text: string): TachFinding[] {
  const findings: TachFinding[] = [];
  for (const block of blocksOf(document)) {
    const label = labelOf(block);
    const publicSurface = block.expose.filter((pattern) => isPublicSurface(pattern.value));
    if (publicSurface.length > 0 && publicSurface.length < block.expose.length) {
      findings.push({ node: block.exposeEntry!.key, messageId: "mixedExposes", data: { label } });
    }
    for (const pattern of block.expose) {
      if (OVERLY_BROAD.test(normalizePattern(pattern.value))) {
        findings.push({ node: pattern.node, messageId: "overlyBroadExpose", data: { label, pattern: writtenString(pattern, text) } });
      }
    }
  }
  return findings;
}

/** hogli's `validate_tach_references`: every product an interface names, and every dependency, is a declared module. */
export function checkReferences(document: TachDocument): TachFinding[] {
  const findings: TachFinding[] = [];
  const paths = new Set(document.modules.flatMap((module) => (module.path ? [module.path.value] : [])));
  for (const block of blocksOf(document)) {
    for (const pattern of block.from) {
      for (const name of [...namesFromPattern(pattern.value)].sort(byCodePoint)) {
        if (!paths.has(`products.${name}`)) findings.push({ node: pattern.node, messageId: "danglingInterface", data: { product: name } });
      }
    }
  }
  for (const module of document.modules) {
    if (!module.path) continue;
    for (const dependency of module.dependsOn) {
      if (paths.has(dependency.value)) continue;
      const suggestion = closestMatch(dependency.value, paths);
      findings.push({
        node: dependency.node,
        messageId: "danglingDependency",
        data: { module: module.path.value, dependency: dependency.value },
        suggest: suggestion
          ? [{ messageId: "useModule", data: { module: suggestion }, fix: { range: dependency.node.range, text: JSON.stringify(suggestion) } }]
          : [],
      });
    }
  }
  return findings;
}
