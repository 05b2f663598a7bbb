/**
 * Target proration (目标按在岗天数折算), docs/plan.md §6: a participant active for part of the
 * period (joined or left during it) is measured against the target x days active / days in the
 * period, exact (never rounded; the line shows it at 2 places).
 */
import type {ParticipantFact} from '../facts';
import type {FieldRef, Period, PlanDocument} from '../plan';
import type {Issue} from '../results';
import {isoDay} from '../period';
import {makeIssue} from './issues';
import type {Dec} from './money';

/** Days active out of the days of the period; only made when the person was not active all of it. */
export interface ActiveDays {
  days: number;
  periodDays: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO day (`YYYY-MM-DD`), in UTC: whole numbers, no time zone. */
function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

/**
 * Days of [start, end] that fall in the period, both ends included; an empty start is the period's
 * start, an empty end the period's end.
 *
 * @example activeDays('2026-03-20', null, {start: '2026-03-01', end: '2026-03-31'}) // {days: 12, periodDays: 31}
 * @example activeDays(null, '2024-02-10', {start: '2024-02-01', end: '2024-02-29'}) // {days: 10, periodDays: 29}
 */
export function activeDays(start: string | null, end: string | null, period: Pick<Period, 'start' | 'end'>): ActiveDays {
  const first = dayNumber(period.start);
  const last = dayNumber(period.end);
  const from = Math.max(first, start === null ? first : dayNumber(start));
  const to = Math.min(last, end === null ? last : dayNumber(end));
  return {days: Math.max(0, to - from + 1), periodDays: last - first + 1};
}

/** A prorated target: target x days / periodDays, exact. */
export function prorate(target: Dec, active: ActiveDays): Dec {
  return target.times(active.days).dividedBy(active.periodDays);
}

/**
 * The proration of the run: for each participant, their active days when they were active for
 * only part of the period, else null. Null itself when the plan does not prorate (off, or no start
 * date field mapped). A date cell that is not a date is reported and the person is not prorated.
 */
export function prorationFor(plan: PlanDocument, period: Pick<Period, 'start' | 'end'>, issues: Issue[]): ((p: ParticipantFact) => ActiveDays | null) | null {
  const people = plan.mapping.people;
  if (plan.proration?.enabled !== true || !people?.start?.id) return null;
  const startField = people.start;
  const endField = people.end?.id ? people.end : undefined;
  const read = (p: ParticipantFact, field: FieldRef): string | null | undefined => {
    const cell = p.fields[field.id];
    if (cell === null || cell === undefined || cell === '') return null;
    const day = typeof cell === 'string' ? isoDay(cell) : null;
    if (day === null) {
      issues.push(makeIssue('warning', 'engine.participant.notDate', {name: p.name, field: field.name, value: String(cell)}, {recordIds: [p.id], fieldId: field.id}));
      return undefined;
    }
    return day;
  };
  return (p) => {
    const start = read(p, startField);
    const end = endField ? read(p, endField) : null;
    if (start === undefined || end === undefined) return null;
    const active = activeDays(start, end, period);
    return active.days === active.periodDays ? null : active;
  };
}
