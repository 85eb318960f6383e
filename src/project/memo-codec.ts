/**
 * Plain data (objects, arrays, Maps, Sets, strings, finite numbers, booleans, null, undefined) as
 * JSON text and back, keeping shared objects shared (an app is reached from its product, its label
 * and its module) and writing each distinct string and each object shape (its keys) once: the
 * index's thousands of models repeat their app's label and module names. V8's own serializer
 * writes every string again, which makes a memo three times larger and its loading heavier on the
 * heap than the index it holds. Class instances and functions are not plain data: `encode` throws.
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

interface Encoded {
  strings: string[];
  shapes: string[][];
  values: number[];
}

export function encode(data: unknown): string {
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
  return JSON.stringify({ strings, shapes, values } satisfies Encoded);
}

/** The data `encode` wrote; throws on text it did not write. */
export function decode(text: string): unknown {
  const { strings, shapes, values } = JSON.parse(text) as Encoded;
  if (!Array.isArray(strings) || !Array.isArray(shapes) || !Array.isArray(values)) throw new TypeError("memo-codec: not an encoded value");
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
