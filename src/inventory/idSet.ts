// A set of browser indexes (small integers the inventory gives each browser in arrival order), stored in
// whichever of two forms is smaller, switching as it grows: a sorted array (4 bytes per member; rare
// extensions) or a bitmap (1 bit per browser of the fleet; an extension on most browsers). Either way it holds
// at most about twice the smaller form. 100,000 browsers × 20 extensions cost at most
// ~12.5 KB per common extension instead of one string reference per browser. No vscode import.
//
// Members must be added in non-decreasing order, which the aggregator guarantees (a browser's index is the
// highest so far while its record is read); adding the last member again is a no-op, so "once per browser"
// needs no extra bookkeeping.

const EMPTY = new Uint32Array(0);
/** Members before the bitmap form is considered. */
const MIN_BITMAP_MEMBERS = 32;

export class BrowserIdSet {
  /** Array form: the members, sorted. Bitmap form: bit i of word i>>5 is member i. */
  private data: Uint32Array = EMPTY;
  private count = 0;
  private bitmap = false;
  private last = -1;

  get size(): number {
    return this.count;
  }

  /** Bytes held by the members (for the memory figures). */
  get bytes(): number {
    return this.data.byteLength;
  }

  add(index: number): void {
    if (index === this.last) return;
    if (index < this.last || !Number.isInteger(index) || index < 0) {
      throw new RangeError(`BrowserIdSet: members must be added in increasing order (got ${index} after ${this.last}).`);
    }
    this.last = index;
    this.count++;
    if (this.bitmap) this.addToBitmap(index);
    else this.addToArray(index);
  }

  has(index: number): boolean {
    if (index < 0 || index > this.last) return false;
    if (this.bitmap) return (this.data[index >>> 5] & (1 << (index & 31))) !== 0;
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.data[mid];
      if (v === index) return true;
      if (v < index) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** The members in increasing order. */
  *[Symbol.iterator](): IterableIterator<number> {
    if (!this.bitmap) {
      for (let i = 0; i < this.count; i++) yield this.data[i];
      return;
    }
    for (let w = 0; w < this.data.length; w++) {
      let word = this.data[w];
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        yield (w << 5) + bit;
        word &= word - 1;
      }
    }
  }

  private addToArray(index: number): void {
    if (this.count > this.data.length) {
      const capacity = Math.max(4, this.data.length * 2);
      // A few members tell nothing about density (the first browsers have small indexes), hence the minimum.
      if (this.count >= MIN_BITMAP_MEMBERS && capacity >= (index >>> 5) + 1) {
        this.toBitmap(index);
        return;
      }
      const grown = new Uint32Array(capacity);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.count - 1] = index;
  }

  private addToBitmap(index: number): void {
    const word = index >>> 5;
    if (word >= this.data.length) {
      const length = Math.max(word + 1, Math.ceil(this.data.length * 1.5));
      // The set got sparse (members far apart): back to the array form when that is the smaller one.
      if (this.count * 2 < length) {
        this.toArray(index);
        return;
      }
      const grown = new Uint32Array(length);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[word] |= 1 << (index & 31);
  }

  /** Converts to a bitmap and adds `index` (already counted). */
  private toBitmap(index: number): void {
    const members = this.data.subarray(0, this.count - 1);
    this.bitmap = true;
    this.data = new Uint32Array(Math.ceil(((index >>> 5) + 1) * 1.5));
    for (const m of members) this.data[m >>> 5] |= 1 << (m & 31);
    this.data[index >>> 5] |= 1 << (index & 31);
  }

  /** Converts to the array form and adds `index` (already counted). */
  private toArray(index: number): void {
    const members = [...this];
    this.bitmap = false;
    this.data = new Uint32Array(this.count * 2);
    this.data.set(members);
    this.data[this.count - 1] = index;
  }
}
