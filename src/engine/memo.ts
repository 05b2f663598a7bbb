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
