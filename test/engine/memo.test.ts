import {remembered, sharedLines, WhileRepeated} from '../../src/engine/memo';
import {line} from '../../src/engine/explain';

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

describe('sharedLines', () => {
  const label = {zh: '销售额', en: 'Sales'};

  it('gives equal lines, nested fragments included, one instance', () => {
    const share = sharedLines();
    const make = () => line('engine.line.bonusGate', {bonus: label, reason: line('engine.frag.gateGrade', {grade: 'D', min: 'C'}), amount: '0.00'});
    const first = share(make());
    expect(share(make())).toBe(first);
    expect(share(make())).toEqual(make());
  });

  it('keeps lines apart that differ in any parameter, its type, its order or a label instance', () => {
    const share = sharedLines();
    const base = share(line('engine.line.noData', {metric: label, weight: '40', weighted: '0.00', score: '0.00'}));
    const others = [
      line('engine.line.noData', {metric: label, weight: '40', weighted: '0.00', score: '0.01'}),
      line('engine.line.noData', {metric: label, weight: 40, weighted: '0.00', score: '0.00'}),
      line('engine.line.noData', {weight: '40', metric: label, weighted: '0.00', score: '0.00'}),
      line('engine.line.noData', {metric: {...label}, weight: '40', weighted: '0.00', score: '0.00'}),
      line('engine.line.noData', {metric: label, weight: '4', weighted: '00.00', score: '0.00'}),
    ];
    for (const other of others) expect(share(other)).toBe(other);
    // What is shared is what would be written: the same JSON, key order included.
    for (const other of others) expect(JSON.stringify(share(other))).toBe(JSON.stringify(other));
    expect(JSON.stringify(base)).not.toBe(JSON.stringify(others[2]));
  });

  it('whileRepeated: shares equal lines of one kind apart from the interned ones', () => {
    const share = sharedLines();
    const stream = share.whileRepeated();
    const make = (score: string) => line('engine.line.scale', {metric: label, weight: '20', weighted: '15.00', score, value: '4', min: '1', max: '5', ratio: score, limit: ''});
    const first = stream(make('75.00'));
    expect(stream(make('75.00'))).toBe(first);
    expect(stream(make('80.00'))).not.toBe(first);
    expect(share(make('75.00'))).not.toBe(first);
  });

  it('compares joined parts by their items and separator', () => {
    const share = sharedLines();
    const titles = [{zh: '销售冠军', en: 'Sales champion'}];
    const a = share(line('engine.line.honours', {titles: {join: titles, separator: '、'}}));
    expect(share(line('engine.line.honours', {titles: {join: titles, separator: '、'}}))).toBe(a);
    const other = line('engine.line.honours', {titles: {join: titles, separator: ', '}});
    expect(share(other)).toBe(other);
  });
});

describe('WhileRepeated', () => {
  it('shares equal values while most keys repeat', () => {
    const entries = new WhileRepeated<{tier: string}>();
    const first = entries.share(() => 'a', () => ({tier: 'a'}));
    for (let i = 0; i < 2 * WhileRepeated.TRIAL; i++) expect(entries.share(() => (i % 2 ? 'a' : 'b'), () => ({tier: i % 2 ? 'a' : 'b'})).tier).toBe(i % 2 ? 'a' : 'b');
    expect(entries.share(() => 'a', () => ({tier: 'a'}))).toBe(first);
  });

  it('stops keeping keys once they rarely repeat, and still makes every value', () => {
    const entries = new WhileRepeated<{n: number}>();
    let keys = 0;
    for (let n = 0; n < WhileRepeated.TRIAL; n++) entries.share(() => `${n}`, () => ({n}));
    const again = entries.share(() => {
      keys++;
      return '0';
    }, () => ({n: 0}));
    expect(again).toEqual({n: 0});
    // A key seen in the trial is not looked up any more: the value is made afresh, without a key.
    expect(entries.share(() => '1', () => ({n: 1}))).toEqual({n: 1});
    expect(keys).toBe(0);
  });
});
