import type {Period} from '../../src/plan';

/**
 * The period a user most likely wants: the one containing today, else the latest that has
 * started, else the first.
 *
 * @example defaultPeriodId([monthPeriod(2026, 1), monthPeriod(2026, 2)], '2026-02-10') // '2026-02'
 */
export function defaultPeriodId(periods: readonly Period[], today: string): string | null {
  const current = periods.find((p) => p.start <= today && today <= p.end);
  if (current) return current.id;
  const started = periods.filter((p) => p.start <= today).sort((a, b) => (a.start < b.start ? 1 : -1));
  return started[0]?.id ?? periods[0]?.id ?? null;
}
