/**
 * The plan marker's text (src/planMarker.ts): appended to the user's description and never
 * replacing it, an earlier marker replaced, read back; the field chosen to hold it; and the
 * ledger's fingerprint, which must not depend on the order of the stored JSON's keys.
 */
import {canonicalJson, markerPlace, readMarker, withMarker, withoutMarker} from '../../src/planMarker';
import {ledgerFingerprint} from '../../frontend/adapter/planMarker';
import {demoPlan} from '../support/demoPlan';

const A = {revision: '1a2b3c4d', ledger: '5e6f7a8b'};
const B = {revision: '00ff00ff', ledger: '5e6f7a8b'};

describe('the plan marker in a description', () => {
  it('is appended on a line of its own after the user’s text, which is kept as it is', () => {
    expect(withMarker('生成本行的方案版本。\n请勿手工修改', A)).toBe('生成本行的方案版本。\n请勿手工修改\n[销售绩效 plan r:1a2b3c4d l:5e6f7a8b]');
    expect(withMarker(null, A)).toBe('[销售绩效 plan r:1a2b3c4d l:5e6f7a8b]');
    expect(withMarker('', A)).toBe('[销售绩效 plan r:1a2b3c4d l:5e6f7a8b]');
  });

  it('replaces an earlier marker, and only it', () => {
    const once = withMarker('说明', A);
    expect(withMarker(once, B)).toBe('说明\n[销售绩效 plan r:00ff00ff l:5e6f7a8b]');
    expect(withoutMarker(withMarker(once, B))).toBe('说明');
    expect(readMarker(withMarker(once, B))).toEqual(B);
  });

  it('reads nothing from a description without one, nor from a damaged one', () => {
    expect(readMarker(null)).toBeNull();
    expect(readMarker('说明')).toBeNull();
    expect(readMarker('[销售绩效 plan r:1a2b3c4 l:5e6f7a8b]')).toBeNull();
  });
});

describe('the field that holds the marker', () => {
  it('is the results table’s plan-version field when a results table is mapped', () => {
    const plan = demoPlan();
    plan.mapping.resultsTable = {table: {id: 'tblResults', name: '绩效结果'}, fields: {planVersion: {id: 'fldPlanVersion', name: '方案版本'}}};
    expect(markerPlace(plan)).toEqual({table: {id: 'tblResults', name: '绩效结果'}, field: {id: 'fldPlanVersion', name: '方案版本'}});
  });

  it('is else the people table’s calculated-at field, else its first result field', () => {
    const plan = demoPlan();
    expect(markerPlace(plan)?.field).toEqual(plan.mapping.results.calculatedAt);
    delete plan.mapping.results.calculatedAt;
    expect(markerPlace(plan)?.field).toEqual(Object.values(plan.mapping.results)[0]);
    plan.mapping.results = {};
    expect(markerPlace(plan)).toBeNull();
  });
});

describe('the ledger’s fingerprint', () => {
  it('is the same for the same statuses in any key order, and differs when a status does', () => {
    const closed = '{"version":1,"periods":{"2026-01":{"status":"closed","frozenVersionId":"v1"}}}';
    const reordered = '{"periods":{"2026-01":{"frozenVersionId":"v1","status":"closed"}},"version":1}';
    expect(ledgerFingerprint(closed)).toBe(ledgerFingerprint(reordered));
    expect(ledgerFingerprint(closed)).not.toBe(ledgerFingerprint('{"version":1,"periods":{"2026-01":{"status":"approved"}}}'));
    expect(ledgerFingerprint(undefined)).toBe(ledgerFingerprint('{"version":1,"periods":{}}'));
    expect(canonicalJson({b: 1, a: [{d: 2, c: 3}]})).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });
});
