import {inPeriod, isoDay, monthPeriod, placeDay, quarterPeriod, versionForPeriod} from '../src/period';

describe('periods', () => {
  it('builds months with their real last day, leap years included', () => {
    expect(monthPeriod(2026, 2)).toEqual({id: '2026-02', kind: 'month', label: '2026-02', start: '2026-02-01', end: '2026-02-28'});
    expect(monthPeriod(2028, 2).end).toBe('2028-02-29');
    expect(monthPeriod(2026, 12).end).toBe('2026-12-31');
  });
  it('builds quarters', () => {
    expect(quarterPeriod(2026, 1)).toMatchObject({start: '2026-01-01', end: '2026-03-31'});
    expect(quarterPeriod(2026, 4)).toMatchObject({start: '2026-10-01', end: '2026-12-31'});
  });
  it('keeps both ends of a period and reads timestamps by their date part', () => {
    const feb = monthPeriod(2026, 2);
    expect(inPeriod('2026-02-01', feb)).toBe(true);
    expect(inPeriod('2026-02-28T23:59:00.000Z', feb)).toBe(true);
    expect(inPeriod('2026-03-01', feb)).toBe(false);
    expect(inPeriod('not a date', feb)).toBe(false);
    expect(isoDay('')).toBeNull();
    expect(isoDay('2026-03-31T23:30:00.000Z')).toBe('2026-03-31');
    expect(isoDay('2026-3-31')).toBeNull();
    expect(isoDay('2026/03/31')).toBeNull();
    expect(isoDay('２０２６-03-31')).toBeNull();
    expect(isoDay('2026-03-3')).toBeNull();
    expect(isoDay(null)).toBeNull();
  });
  it('picks the version in force at the start of the period', () => {
    const versions = [
      {id: 'v1', effectiveFrom: '2026-01-01', effectiveTo: '2026-03-31'},
      {id: 'launch', effectiveFrom: '2026-04-01', effectiveTo: '2026-04-30'},
      {id: 'v2', effectiveFrom: '2026-05-01'},
    ] as never;
    expect(versionForPeriod({versions}, monthPeriod(2026, 2))?.id).toBe('v1');
    expect(versionForPeriod({versions}, monthPeriod(2026, 4))?.id).toBe('launch');
    expect(versionForPeriod({versions}, monthPeriod(2027, 4))?.id).toBe('v2');
    expect(versionForPeriod({versions}, monthPeriod(2025, 4))).toBeUndefined();
  });
  it('places a record by its date: in the period, in another period of the plan, in none, or undated', () => {
    const [feb, mar] = [monthPeriod(2026, 2), monthPeriod(2026, 3)];
    expect(placeDay('2026-03-31T23:30:00.000Z', mar, [feb, mar])).toBe('inPeriod');
    expect(placeDay('2026-03-01', mar, [feb, mar])).toBe('inPeriod');
    expect(placeDay('2026-02-28', mar, [feb, mar])).toBe('outsidePeriod');
    expect(placeDay('2026-04-01', mar, [feb, mar])).toBe('outsideEveryPeriod');
    // Before the plan's first period: history. In a gap between periods: outside every period.
    expect(placeDay('2026-01-31', mar, [feb, mar])).toBe('beforeFirstPeriod');
    expect(placeDay('2026-01-31T23:30:00.000Z', feb, [feb])).toBe('beforeFirstPeriod');
    const apr = monthPeriod(2026, 4);
    expect(placeDay('2026-03-15', apr, [feb, apr])).toBe('outsideEveryPeriod');
    expect(placeDay('2026-01-15', apr, [apr, feb])).toBe('beforeFirstPeriod');
    expect(placeDay(null, mar, [feb, mar])).toBe('noDate');
    expect(placeDay('soon', mar, [feb, mar])).toBe('noDate');
  });
});
