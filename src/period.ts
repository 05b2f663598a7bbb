/**
 * Periods (考核周期) and the plan version in force for one. Dates are ISO `YYYY-MM-DD` strings,
 * compared as text: no time zones, so a record dated on the last day of the month belongs to that
 * month wherever the user sits.
 */
import type {IsoDate, Period, PlanDocument, PlanVersion} from './plan';

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** @example monthPeriod(2026, 2) // {id: '2026-02', kind: 'month', label: '2026-02', start: '2026-02-01', end: '2026-02-28'} */
export function monthPeriod(year: number, month: number): Period {
  const id = `${year}-${pad(month)}`;
  return {id, kind: 'month', label: id, start: `${id}-01`, end: `${id}-${pad(lastDayOfMonth(year, month))}`};
}

/** @example quarterPeriod(2026, 1).end // '2026-03-31' */
export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  return {
    id: `${year}-Q${quarter}`,
    kind: 'quarter',
    label: `${year} Q${quarter}`,
    start: `${year}-${pad(first)}-01`,
    end: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}`,
  };
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * The date part of an ISO date or timestamp, or null when it is not one. Called for every source
 * record of a run: checked by character codes, and a bare date is returned as it is (no new
 * string for each of 200,000 records).
 *
 * @example isoDay('2026-03-31T23:30:00.000Z') // '2026-03-31'
 * @example isoDay('31/03/2026') // null
 */
export function isoDay(value: string | null | undefined): IsoDate | null {
  if (!value || value.length < 10) return null;
  for (let i = 0; i < 10; i++) {
    const code = value.charCodeAt(i);
    if (i === 4 || i === 7 ? code !== 45 : !isDigit(code)) return null;
  }
  return value.length === 10 ? value : value.slice(0, 10);
}

/** @example inPeriod('2026-02-28T23:00:00.000Z', monthPeriod(2026, 2)) // true */
export function inPeriod(date: string, period: Pick<Period, 'start' | 'end'>): boolean {
  const day = isoDay(date);
  return day !== null && day >= period.start && day <= period.end;
}

/**
 * Where a record's date puts it for a run: the engine credits only `inPeriod`. A day before the
 * plan's first period is history (`beforeFirstPeriod`: counted, never reported); one after the last
 * period or in a gap between periods is `outsideEveryPeriod` (reported: the plan may miss a period).
 */
export type DayPlacement = 'noDate' | 'inPeriod' | 'outsidePeriod' | 'beforeFirstPeriod' | 'outsideEveryPeriod';

/**
 * The one rule for a record's date, shared by the engine and by the adapter that skips records
 * outside the period while reading (so that both count them the same way).
 *
 * @example placeDay('2026-03-31T23:30:00.000Z', monthPeriod(2026, 3), [monthPeriod(2026, 3)]) // 'inPeriod'
 * @example placeDay('2026-04-01', monthPeriod(2026, 3), [monthPeriod(2026, 3), monthPeriod(2026, 4)]) // 'outsidePeriod'
 * @example placeDay('2025-12-31', monthPeriod(2026, 3), [monthPeriod(2026, 3)]) // 'beforeFirstPeriod'
 * @example placeDay('2026-04-01', monthPeriod(2026, 3), [monthPeriod(2026, 3)]) // 'outsideEveryPeriod'
 */
export function placeDay(
  date: string | null | undefined,
  period: Pick<Period, 'start' | 'end'>,
  periods: readonly Pick<Period, 'start' | 'end'>[],
): DayPlacement {
  const day = isoDay(date);
  if (day === null) return 'noDate';
  if (day >= period.start && day <= period.end) return 'inPeriod';
  if (periods.some((p) => day >= p.start && day <= p.end)) return 'outsidePeriod';
  // The run's period counts among the plan's even if the list given leaves it out.
  return day < period.start && periods.every((p) => day < p.start) ? 'beforeFirstPeriod' : 'outsideEveryPeriod';
}

/** The version whose effective range contains the period's start, or undefined. */
export function versionForPeriod(plan: Pick<PlanDocument, 'versions'>, period: Pick<Period, 'start'>): PlanVersion | undefined {
  return plan.versions.find(
    (v) => v.effectiveFrom <= period.start && (v.effectiveTo === undefined || period.start <= v.effectiveTo),
  );
}
