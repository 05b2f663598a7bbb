/**
 * A fingerprint of plain data: what a refresh compares to tell whether the engine's inputs (the
 * plan, the period and the facts read from the base) are the ones the preview on screen was
 * computed from. When they are, the engine's output is the same (it is a pure function of them),
 * and the refresh reuses the preview's instead of holding a second one while it writes.
 *
 * Why not a library: hash libraries take bytes or one string, so the facts (240,000 records at
 * 10,000 people) would first be serialised into a text of tens of MB, which is the memory this
 * saves. This walks the values as they are and feeds their UTF-16 code units to a 128-bit state
 * mixed as bryc's public-domain cyrb128 does (four 32-bit lanes, each multiplied and folded into
 * the next, then avalanched). Not a security hash: it tells data apart that was not made to
 * collide; two different inputs share a fingerprint with a chance of the order of 2^-100.
 */

/** A type tag before each value, so that `'1'` and `1`, `['ab']` and `['a', 'b']` differ. */
const TAG = {string: 0x73, number: 0x6e, true: 0x74, false: 0x66, null: 0x7a, undefined: 0x75, array: 0x5b, object: 0x7b, end: 0x7d, map: 0x4d, other: 0x3f, integer: 0x69, key: 0x6b, part: 0x70} as const;

/**
 * Held once: inside a vm context (jest's) every `Math.imul` is a global lookup, and the hot loop
 * below then runs ~40x slower than in a page.
 */
const imul = Math.imul;

class Hasher {
  // As int32 (`| 0`): a lane that starts as a double above 2^31 keeps the loop off V8's integer path (4x slower).
  private h1 = 1779033703 | 0;
  private h2 = 3144134277 | 0;
  private h3 = 1013904242 | 0;
  private h4 = 2773480762 | 0;

  unit(k: number): void {
    this.h1 = this.h2 ^ imul(this.h1 ^ k, 597399067);
    this.h2 = this.h3 ^ imul(this.h2 ^ k, 2869860233);
    this.h3 = this.h4 ^ imul(this.h3 ^ k, 951274213);
    this.h4 = this.h1 ^ imul(this.h4 ^ k, 2716044179);
  }

  /** A length, as two code units: enough for any string or array a base holds. */
  length(n: number): void {
    this.unit(n & 0xffff);
    this.unit(n >>> 16);
  }

  /** The same mixing as `unit` over every code unit, on locals (about twice as fast as fields). */
  text(s: string): void {
    this.length(s.length);
    let {h1, h2, h3, h4} = this;
    for (let i = 0; i < s.length; i++) {
      const k = s.charCodeAt(i);
      h1 = h2 ^ imul(h1 ^ k, 597399067);
      h2 = h3 ^ imul(h2 ^ k, 2869860233);
      h3 = h4 ^ imul(h3 ^ k, 951274213);
      h4 = h1 ^ imul(h4 ^ k, 2716044179);
    }
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.h4 = h4;
  }

  /** Plain data (the plan document, the facts); a Map as its entries, anything else as its text. */
  value(v: unknown): void {
    if (typeof v === 'string') {
      this.unit(TAG.string);
      this.text(v);
    } else if (typeof v === 'number') {
      // Small integers (most numbers a base holds) as their bits, without making their text.
      if ((v | 0) === v && !Object.is(v, -0)) {
        this.unit(TAG.integer);
        this.length(v);
      } else {
        this.unit(TAG.number);
        this.text(String(v));
      }
    } else if (typeof v === 'boolean') {
      this.unit(v ? TAG.true : TAG.false);
    } else if (v === null) {
      this.unit(TAG.null);
    } else if (v === undefined) {
      this.unit(TAG.undefined);
    } else if (Array.isArray(v)) {
      this.unit(TAG.array);
      this.length(v.length);
      for (const item of v as readonly unknown[]) this.value(item);
    } else if (v instanceof Map) {
      this.unit(TAG.map);
      this.value([...v.entries()]);
    } else if (typeof v !== 'object' || v instanceof Date) {
      this.unit(TAG.other);
      this.text(String(v));
    } else {
      // Keys in their own order, not sorted (sorting was a third of the time at 10,000 people):
      // the same reader builds the same order, and data built in another order only fingerprints
      // differently, which costs a recomputation, never a wrong reuse.
      const record = v as {readonly [key: string]: unknown};
      this.unit(TAG.object);
      for (const key in record) {
        if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
        this.unit(TAG.key);
        this.text(key);
        this.value(record[key]);
      }
      this.unit(TAG.end);
    }
  }

  digest(): string {
    let {h1, h2, h3, h4} = this;
    h1 = imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = imul(h2 ^ (h4 >>> 19), 2716044179);
    h1 ^= h2 ^ h3 ^ h4;
    h2 ^= h1;
    h3 ^= h1;
    h4 ^= h1;
    return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
  }
}

/**
 * A fingerprint made in parts, so that a caller can give the browser a turn between them (the
 * facts of 10,000 people take ~0.25 s). `add(a).add(b)` is `fingerprint(a, b)`.
 *
 * @example new Fingerprint().add('2026-03').add([1, 2]).digest() === fingerprint('2026-03', [1, 2]) // true
 */
export class Fingerprint {
  private readonly hasher = new Hasher();

  add(value: unknown): this {
    this.hasher.unit(TAG.part);
    this.hasher.value(value);
    return this;
  }

  /** 32 hex digits. */
  digest(): string {
    return this.hasher.digest();
  }
}

/**
 * 32 hex digits, the same for equal data, different for different data (object keys count in
 * the order they were set).
 *
 * @example fingerprint({a: 1, b: ['x']}) === fingerprint({a: 1, b: ['x']}) // true
 * @example fingerprint('1') === fingerprint(1) // false
 */
export function fingerprint(...values: readonly unknown[]): string {
  const print = new Fingerprint();
  for (const value of values) print.add(value);
  return print.digest();
}
