/**
 * Byte-level damage to a valid file: truncation, deleted or duplicated slices, stray brackets
 * and quotes, invalid UTF-8, NUL bytes, huge lines and deep nesting. Positions are fractions of
 * the length, so one mutation applies to any file (and shrinks towards the start).
 */
import fc from "fast-check";

export type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "delete"; at: number; length: number }
  | { kind: "duplicate"; at: number; length: number; to: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "bytes"; at: number; bytes: number[] }
  | { kind: "hugeLine"; at: number; unit: string; repeat: number }
  | { kind: "nest"; at: number; open: string; depth: number; closed: boolean }
  | { kind: "swapLines"; a: number; b: number };

const position = fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000);

/** Byte sequences that are not valid UTF-8, plus NUL and a lone BOM. */
const INVALID_UTF8 = [[0xff], [0xfe, 0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc0, 0xaf], [0x00], [0xef, 0xbb, 0xbf], [0x80, 0x80]];

const STRAY = ["(", ")", "[", "]", "{", "}", '"', "'", '"""', "#", ":", ",", "=", "\\", "\n", "\r", "\r\n", "\t", "    ", "\u2028", "\0", "😀", "é"];

function mutation(options: { huge: boolean }): fc.Arbitrary<Mutation> {
  const maxRepeat = options.huge ? 100_000 : 5_000;
  return fc.oneof(
    { weight: 3, arbitrary: position.map((at): Mutation => ({ kind: "truncate", at })) },
    { weight: 3, arbitrary: fc.record({ at: position, length: fc.integer({ min: 1, max: 200 }) }).map((m): Mutation => ({ kind: "delete", ...m })) },
    {
      weight: 2,
      arbitrary: fc.record({ at: position, length: fc.integer({ min: 1, max: 400 }), to: position }).map((m): Mutation => ({ kind: "duplicate", ...m })),
    },
    {
      weight: 4,
      arbitrary: fc
        .record({ at: position, text: fc.oneof(fc.array(fc.constantFrom(...STRAY), { minLength: 1, maxLength: 6 }).map((parts) => parts.join("")), fc.string({ unit: "grapheme", maxLength: 8 })) })
        .map((m): Mutation => ({ kind: "insert", ...m })),
    },
    {
      weight: 3,
      arbitrary: fc
        .record({ at: position, bytes: fc.oneof(fc.constantFrom(...INVALID_UTF8), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 })) })
        .map((m): Mutation => ({ kind: "bytes", ...m })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ at: position, unit: fc.constantFrom("a", "x = 1; ", "(", "[", '"', "\t", "é", "😀", " || true", ","), repeat: fc.integer({ min: 1_000, max: maxRepeat }) })
        .map((m): Mutation => ({ kind: "hugeLine", ...m })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ at: position, open: fc.constantFrom("(", "[", "{", "f(", "a.", "- ", "  "), depth: fc.integer({ min: 100, max: options.huge ? 10_000 : 3_000 }), closed: fc.boolean() })
        .map((m): Mutation => ({ kind: "nest", ...m })),
    },
    { weight: 1, arbitrary: fc.record({ a: position, b: position }).map((m): Mutation => ({ kind: "swapLines", ...m })) },
  );
}

const CLOSERS: Record<string, string> = { "(": ")", "[": "]", "{": "}", "f(": ")", "a.": "b", "- ": "", "  ": "" };

function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at), 0);
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function applyMutation(bytes: Uint8Array, m: Mutation): Uint8Array {
  const pos = (fraction: number): number => Math.min(bytes.length, Math.floor(fraction * (bytes.length + 1)));
  switch (m.kind) {
    case "truncate":
      return bytes.subarray(0, pos(m.at));
    case "delete": {
      const at = pos(m.at);
      return splice(bytes, at, Math.min(m.length, bytes.length - at), new Uint8Array());
    }
    case "duplicate": {
      const at = pos(m.at);
      const slice = bytes.slice(at, Math.min(bytes.length, at + m.length));
      return splice(bytes, pos(m.to), 0, slice);
    }
    case "insert":
      return splice(bytes, pos(m.at), 0, utf8(m.text));
    case "bytes":
      return splice(bytes, pos(m.at), 0, Uint8Array.from(m.bytes));
    case "hugeLine":
      return splice(bytes, pos(m.at), 0, utf8(m.unit.repeat(m.repeat)));
    case "nest": {
      const close = m.closed ? (CLOSERS[m.open] ?? "").repeat(m.depth) : "";
      const inner = m.open === "a." ? "c" : m.open === "- " || m.open === "  " ? "x" : "1";
      return splice(bytes, pos(m.at), 0, utf8(m.open.repeat(m.depth) + inner + close));
    }
    case "swapLines": {
      const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
      const lines = text.split("\n");
      const a = Math.min(lines.length - 1, Math.floor(m.a * lines.length));
      const b = Math.min(lines.length - 1, Math.floor(m.b * lines.length));
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return utf8(lines.join("\n"));
    }
  }
}

export function applyMutations(text: string | Uint8Array, mutations: Mutation[]): Uint8Array {
  let bytes = typeof text === "string" ? utf8(text) : text;
  for (const m of mutations) bytes = applyMutation(bytes, m);
  return bytes;
}

export const mutations = (options: { huge: boolean }): fc.Arbitrary<Mutation[]> =>
  fc.array(mutation(options), { minLength: 1, maxLength: 3 });
