/**
 * The fingerprint a refresh compares with the preview on screen's (src/fingerprint.ts): equal
 * data, equal fingerprints whatever order built it; any change to the data, another fingerprint.
 */
import fc from 'fast-check';
import {Fingerprint, fingerprint} from '../src/fingerprint';
import {demoBase} from '../sim/demoBase';

/** Plain data of the facts' and the plan's shapes, object keys in any order. */
const plain = fc.letrec((tie) => ({
  value: fc.oneof({depthSize: 'small'}, fc.string(), fc.double({noNaN: false}), fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), {maxLength: 5}),
  object: fc.dictionary(fc.string({maxLength: 6}), tie('value'), {maxKeys: 5}),
})).value;

/** The same data rebuilt with its object keys in reverse order. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value).reverse()) copy[key] = reordered((value as Record<string, unknown>)[key]);
    return copy;
  }
  return value;
}

describe('fingerprint', () => {
  it('is 32 hex digits, equal for equal data, made at once or in parts', () => {
    fc.assert(
      fc.property(plain, plain, (a, b) => {
        const print = fingerprint(a, b);
        expect(print).toMatch(/^[0-9a-f]{32}$/);
        expect(fingerprint(structuredClone(a), structuredClone(b))).toBe(print);
        expect(new Fingerprint().add(a).add(b).digest()).toBe(print);
      }),
      {numRuns: 200},
    );
  });

  it('differs for different data', () => {
    fc.assert(
      fc.property(plain, plain, (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        expect(fingerprint(a)).not.toBe(fingerprint(b));
      }),
      {numRuns: 300},
    );
  });

  // Keys are taken in the order they were set (sorting them cost a third of the time at 10,000
  // people): the same reader sets them in the same order, and another order only means a
  // recomputation, never a wrong reuse.
  it('counts the order of object keys, and never confuses parts', () => {
    expect(fingerprint(reordered({a: 1, b: 2}))).not.toBe(fingerprint({a: 1, b: 2}));
    expect(fingerprint({ab: 'c'})).not.toBe(fingerprint({a: 'bc'}));
    expect(fingerprint({a: {b: 1}, c: 2})).not.toBe(fingerprint({a: {b: 1, c: 2}}));
  });

  it('tells apart values that print alike', () => {
    const prints = [fingerprint('1'), fingerprint(1), fingerprint(['ab']), fingerprint(['a', 'b']), fingerprint(null), fingerprint('null'), fingerprint(undefined), fingerprint({}), fingerprint([]), fingerprint({a: ''}), fingerprint({'': 'a'})];
    expect(new Set(prints).size).toBe(prints.length);
    expect(fingerprint('a', 'b')).not.toBe(fingerprint(['a', 'b']));
  });

  it('sees one changed cell among 20,000 records', () => {
    const records = demoBase({size: '1k'}).base.tables.flatMap((table) => table.records);
    const before = fingerprint(records);
    const target = records[Math.floor(records.length / 2)];
    const fieldId = Object.keys(target.cellValuesByFieldId)[0];
    const changed = records.map((record) => (record === target ? {...record, cellValuesByFieldId: {...record.cellValuesByFieldId, [fieldId]: `${String(record.cellValuesByFieldId[fieldId])} `}} : record));
    expect(fingerprint(changed)).not.toBe(before);
    expect(fingerprint(records)).toBe(before);
  });
});
