/**
 * Plain data (objects, arrays, Maps, Sets, strings, finite numbers, booleans, null, undefined) as
 * bytes and back, keeping shared objects shared (an app is reached from its product, its label
 * and its module) and writing each distinct string and each object shape (its keys) once: the
 * index's thousands of models repeat their app's label and module names. V8's own serializer
 * writes every string again, which makes a memo three times larger and its loading heavier on the
 * heap than the index it holds. Class instances and functions are not plain data: `encode` throws.
 *
 * The bytes: the length of a header, the header (the strings and the shapes, as JSON in ASCII),
 * then, from the next multiple of eight, the value stream as 64-bit floats of the machine's byte
 * order (a memo is read where it was written). Read as numbers in place, the stream costs a
 * fraction of what parsing it as JSON text does.
 */

// Tags in the value stream; a tag of 0 or more is a string of the table.
const NUMBER = -1;
const TRUE = -2;
const FALSE = -3;
const NULL = -4;
const UNDEFINED = -5;
const SHARED = -6;
const ARRAY = -7;
const MAP = -8;
const SET = -9;
/** An object is `OBJECT - <shape>`. */
const OBJECT = -10;

/** What `encode` writes: the strings and shapes of the header, and the value stream. */
export interface Encoded {
  strings: string[];
  shapes: string[][];
  values: ArrayLike<number>;
}

const HEADER_LENGTH_BYTES = 4;
const VALUE_BYTES = Float64Array.BYTES_PER_ELEMENT;

/** JSON with every character past ASCII escaped, so that each character is one byte. */
function asciiJson(value: unknown): string {
  const escape = (unit: number): string => `\\u${unit.toString(16).padStart(4, "0")}`;
  // A character past the Basic Multilingual Plane is two UTF-16 units: each is escaped, as JSON spells it.
  return JSON.stringify(value).replace(/[\u0080-\u{10ffff}]/gu, (character) => (character.length === 1 ? escape(character.charCodeAt(0)) : escape(character.charCodeAt(0)) + escape(character.charCodeAt(1))));
}

const valuesOffset = (headerBytes: number): number => Math.ceil((HEADER_LENGTH_BYTES + headerBytes) / VALUE_BYTES) * VALUE_BYTES;

/** The bytes of an encoded value (see the module comment). */
export function pack({ strings, shapes, values }: Encoded): Buffer {
  const header = asciiJson({ strings, shapes });
  const offset = valuesOffset(header.length);
  const bytes = Buffer.alloc(offset + values.length * VALUE_BYTES);
  bytes.writeUInt32LE(header.length, 0);
  bytes.write(header, HEADER_LENGTH_BYTES, "latin1");
  new Float64Array(bytes.buffer, bytes.byteOffset + offset, values.length).set(values);
  return bytes;
}

/** The parts of packed bytes; throws on bytes `pack` did not write. */
function unpack(bytes: Uint8Array): Encoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < HEADER_LENGTH_BYTES) throw new TypeError("memo-codec: not an encoded value");
  const headerBytes = buffer.readUInt32LE(0);
  const offset = valuesOffset(headerBytes);
  if (offset > buffer.length || (buffer.length - offset) % VALUE_BYTES !== 0) throw new TypeError("memo-codec: not an encoded value");
  const { strings, shapes } = JSON.parse(buffer.toString("latin1", HEADER_LENGTH_BYTES, HEADER_LENGTH_BYTES + headerBytes)) as Partial<Encoded>;
  if (!Array.isArray(strings) || !Array.isArray(shapes)) throw new TypeError("memo-codec: not an encoded value");
  const count = (buffer.length - offset) / VALUE_BYTES;
  // A Float64Array over the file's bytes where they are aligned (they are when the file has a buffer of its own), else over a copy.
  const values = (buffer.byteOffset + offset) % VALUE_BYTES === 0 ? new Float64Array(buffer.buffer, buffer.byteOffset + offset, count) : new Float64Array(buffer.buffer.slice(buffer.byteOffset + offset, buffer.byteOffset + buffer.length));
  return { strings, shapes, values };
}

export function encode(data: unknown): Buffer {
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const shapes: string[][] = [];
  const shapeIds = new Map<string, number>();
  const objectIds = new Map<object, number>();
  const values: number[] = [];

  const put = (value: unknown): void => {
    switch (typeof value) {
      case "string": {
        let id = stringIds.get(value);
        if (id === undefined) stringIds.set(value, (id = strings.push(value) - 1));
        values.push(id);
        return;
      }
      case "number":
        if (!Number.isFinite(value)) throw new TypeError(`memo-codec: ${value} is not a finite number`);
        values.push(NUMBER, value);
        return;
      case "boolean":
        values.push(value ? TRUE : FALSE);
        return;
      case "undefined":
        values.push(UNDEFINED);
        return;
      case "object":
        if (value === null) values.push(NULL);
        else putObject(value);
        return;
      default:
        throw new TypeError(`memo-codec: a ${typeof value} is not plain data`);
    }
  };

  const putObject = (value: object): void => {
    const known = objectIds.get(value);
    if (known !== undefined) {
      values.push(SHARED, known);
      return;
    }
    // Numbered before its contents, in the order `decode` meets them.
    objectIds.set(value, objectIds.size);
    if (Array.isArray(value)) {
      values.push(ARRAY, value.length);
      for (const item of value) put(item);
    } else if (value instanceof Map) {
      values.push(MAP, value.size);
      for (const [key, item] of value) {
        put(key);
        put(item);
      }
    } else if (value instanceof Set) {
      values.push(SET, value.size);
      for (const item of value) put(item);
    } else {
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) throw new TypeError("memo-codec: a class instance is not plain data");
      const keys = Object.keys(value);
      const signature = keys.join("\0");
      let shape = shapeIds.get(signature);
      if (shape === undefined) shapeIds.set(signature, (shape = shapes.push(keys) - 1));
      values.push(OBJECT - shape);
      for (const key of keys) put((value as Record<string, unknown>)[key]);
    }
  };

  put(data);
  return pack({ strings, shapes, values });
}

/** The data `encode` wrote; throws on bytes it did not write. */
export function decode(bytes: Uint8Array): unknown {
  const { strings, shapes, values } = unpack(bytes);
  const objects: unknown[] = [];
  let at = 0;
  const next = (): number => {
    if (at >= values.length) throw new TypeError("memo-codec: the encoded value ends early");
    return values[at++]!;
  };

  const take = (): unknown => {
    const tag = next();
    if (tag >= 0) {
      if (tag >= strings.length) throw new TypeError(`memo-codec: no string ${tag}`);
      return strings[tag];
    }
    switch (tag) {
      case NUMBER:
        return next();
      case TRUE:
        return true;
      case FALSE:
        return false;
      case NULL:
        return null;
      case UNDEFINED:
        return undefined;
      case SHARED: {
        const id = next();
        if (id < 0 || id >= objects.length) throw new TypeError(`memo-codec: no object ${id} yet`);
        return objects[id];
      }
      case ARRAY: {
        const array = new Array<unknown>(next());
        objects.push(array);
        for (let i = 0; i < array.length; i++) array[i] = take();
        return array;
      }
      case MAP: {
        const map = new Map<unknown, unknown>();
        objects.push(map);
        for (let size = next(); size > 0; size--) {
          const key = take();
          map.set(key, take());
        }
        return map;
      }
      case SET: {
        const set = new Set<unknown>();
        objects.push(set);
        for (let size = next(); size > 0; size--) set.add(take());
        return set;
      }
    }
    const keys = shapes[OBJECT - tag];
    if (!keys) throw new TypeError(`memo-codec: unknown tag ${tag}`);
    const object: Record<string, unknown> = {};
    objects.push(object);
    for (const key of keys) {
      // An own "__proto__" (a key of parsed JSON) must stay a property, not become the prototype.
      if (key === "__proto__") Object.defineProperty(object, key, { value: take(), enumerable: true, writable: true, configurable: true });
      else object[key] = take();
    }
    return object;
  };

  const data = take();
  if (at !== values.length) throw new TypeError("memo-codec: the encoded value has more after its end");
  return data;
}
