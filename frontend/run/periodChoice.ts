import {defaultPeriod, type PeriodState} from '../../src/ledger/status';
import type {Period} from '../../src/plan';

/**
 * The period a user most likely wants (issue 12): the latest one that has ended and is not closed
 * (last month, until it is paid); before any has ended, or once all ended ones are closed, the
 * one containing today, else the earliest not closed. `today` is the user's local date.
 *
 * @example defaultPeriodId([monthPeriod(2026, 1), monthPeriod(2026, 2)], '2026-02-10') // '2026-01'
 * @example defaultPeriodId([monthPeriod(2026, 1), monthPeriod(2026, 2)], '2026-02-10', {'2026-01': {status: 'closed', frozenVersionId: 'v1'}}) // '2026-02'
 */
export function defaultPeriodId(
  periods: readonly Period[],
  today: string,
  states: Readonly<Record<string, PeriodState | undefined>> = {},
): string | null {
  return defaultPeriod(periods, states, today)?.id ?? null;
}
