/**
 * The last `size` items added, oldest first from `#at`: adding one past the limit lets go of the
 * oldest (`evict` is called with it).
 */
export class Recent<T> {
  readonly #size: number;
  readonly #evict: (item: T) => void;
  #items: (T | undefined)[] = [];
  #at = 0;

  constructor(size: number, evict: (item: T) => void) {
    this.#size = size;
    this.#evict = evict;
  }

  add(item: T): void {
    const evicted = this.#items[this.#at];
    if (evicted !== undefined && evicted !== item) this.#evict(evicted);
    this.#items[this.#at] = item;
    this.#at = (this.#at + 1) % this.#size;
  }

  clear(): void {
    this.#items = [];
    this.#at = 0;
  }
}
