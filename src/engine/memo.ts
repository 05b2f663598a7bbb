/**
 * Values a run would otherwise build once per participant though they depend on far fewer keys
 * (a tier, a plan decimal, a line's figures): built on first use, then shared.
 */

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
