import {remembered} from '../../src/engine/memo';

describe('remembered', () => {
  it('makes a value once per key and returns the stored one after', () => {
    const store = new Map<string, {tier: string}>();
    let made = 0;
    const make = (tier: string) => () => {
      made++;
      return {tier};
    };
    const first = remembered(store, '新人', make('新人'));
    expect(remembered(store, '新人', make('新人'))).toBe(first);
    expect(remembered(store, '资深', make('资深'))).toEqual({tier: '资深'});
    expect(made).toBe(2);
  });

  it('works over a WeakMap keyed by shared objects', () => {
    const store = new WeakMap<object, string>();
    const key = {};
    expect(remembered(store, key, () => 'a')).toBe('a');
    expect(remembered(store, key, () => 'b')).toBe('a');
    expect(remembered(store, {}, () => 'c')).toBe('c');
  });
});
