/**
 * Values a run would otherwise build once per participant though they depend on far fewer keys
 * (a tier, a plan decimal, a line's figures): built on first use, then shared.
 */
import type {Message, Param} from '../i18n';

interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * The value stored under `key`, made and stored first if there is none.
 *
 * @example remembered(new Map<string, number>(), 'a', () => 1) // 1, and stored under 'a'
 */
export function remembered<K, V>(store: Store<K, V>, key: K, make: () => V): V {
  let value = store.get(key);
  if (value === undefined) {
    value = make();
    store.set(key, value);
  }
  return value;
}

/**
 * One instance per distinct text, for one run: "0.00", "100.00" or "3,000.00" are made afresh
 * for each of 10,000 participants, and results (kept on screen as the preview, and again by a
 * refresh) would hold each copy. Equal strings are interchangeable, so the results are the same.
 *
 * @example const share = sharedTexts(); share('0.00') === share((0).toFixed(2)) // the first instance, both times
 */
export function sharedTexts(): <T extends string | null>(text: T) => T {
  const texts = new Map<string, string>();
  return <T extends string | null>(text: T): T => {
    if (text === null) return text;
    const kept = texts.get(text);
    if (kept !== undefined) return kept as T;
    texts.set(text, text);
    return text;
  };
}

/**
 * One instance per distinct breakdown line, for one run: 10,000 participants share a few thousand
 * metric lines ("no data", a scale score, a bonus missed by its grade gate...), and every result
 * would otherwise hold its own copy. A line is the same as a kept one when its key and its
 * parameters, in the same order, are equal: strings and numbers by value, nested lines and joined
 * parts the same way, anything else (plan labels, shared by the run) by identity. Lines are data
 * read, never changed, by whatever shows or writes them, so sharing them changes no result.
 *
 * @example const share = sharedLines(); share(line('engine.line.noData', p)) === share(line('engine.line.noData', {...p})) // true
 */
export function sharedLines(): LineShare {
  const lines = new Map<string, Message>();
  // Nested lines (interned first) and plan objects are told apart by a number per instance.
  const ids = new WeakMap<object, number>();
  let next = 0;
  const idOf = (o: object) => remembered(ids, o, () => next++);
  const token = (value: Param): string => {
    if (typeof value === 'string') return `s${value.length}:${value}`;
    if (typeof value === 'number') return `n${value};`;
    if ('key' in value && 'params' in value) return `m${idOf(intern(value as Message))};`;
    if ('join' in value) return `j${value.join.length}:${value.join.map(token).join('')}${token(value.separator)}`;
    return `o${idOf(value)};`;
  };
  const keyOf = (line: Message): string => {
    let key = `${line.key}:`;
    for (const name in line.params) key += `${name.length}:${name}${token(line.params[name])}`;
    return key;
  };
  const intern = (line: Message): Message => remembered(lines, keyOf(line), () => line);
  return Object.assign(intern, {
    whileRepeated(): (line: Message) => Message {
      const kept = new WhileRepeated<Message>();
      return (line) => kept.share(() => keyOf(line), () => line);
    },
  });
}

/** sharedLines: every line given is interned; `whileRepeated` makes a sharer for one kind of lines that gives up when they rarely repeat. */
export interface LineShare {
  (line: Message): Message;
  whileRepeated(): (line: Message) => Message;
}

/**
 * Shares equal values by a text key while that pays: once TRIAL values of which fewer than half
 * were seen before are kept, it stops keeping keys (a metric whose values are all different, such
 * as sales, would otherwise hold 10,000 keys to share nothing) and only makes values. The key is
 * a function so that it is not even built once the sharing has stopped.
 *
 * @example new WhileRepeated<{n: number}>().share(() => 'a', () => ({n: 1})) // made, and kept under 'a'
 */
export class WhileRepeated<V> {
  static readonly TRIAL = 500;
  private readonly kept = new Map<string, V>();
  private seen = 0;
  private hits = 0;
  private on = true;

  share(key: () => string, make: () => V): V {
    if (!this.on) return make();
    this.seen++;
    const k = key();
    const found = this.kept.get(k);
    if (found !== undefined) {
      this.hits++;
      return found;
    }
    if (this.seen >= WhileRepeated.TRIAL && this.hits * 2 < this.seen) {
      this.on = false;
      this.kept.clear();
    }
    const value = make();
    if (this.on) this.kept.set(k, value);
    return value;
  }
}
