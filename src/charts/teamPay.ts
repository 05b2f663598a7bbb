/**
 * Pay by team (团队薪酬构成): each team's pay summed per component, exactly (decimal sums).
 * The team is the participant's team field (ParticipantFact.team), given by the caller.
 */
import Decimal from 'decimal.js';
import type {DecimalString} from '../plan';
import type {ParticipantResult} from '../results';
import {decimalPlaces, PAY_COMPONENTS, payParts, type PayParts} from './payParts';

/** The team of a participant by record id; null or undefined: no team. */
export type TeamOf = ((participantId: string) => string | null | undefined) | ReadonlyMap<string, string | null>;

/** A named team, the participants without a team, or the smaller teams put together. */
export type TeamGroupKind = 'team' | 'noTeam' | 'otherTeams';

export interface TeamPay {
  kind: TeamGroupKind;
  /** The team's name; null for `noTeam` and `otherTeams`. */
  team: string | null;
  /** How many teams the row holds (more than 1 only for `otherTeams`). */
  teams: number;
  participants: number;
  parts: PayParts;
  totalPay: DecimalString;
}

export interface TeamPayOptions {
  /** At most this many named teams get a row of their own; the rest share one row. */
  maxTeams?: number;
}

export interface PayByTeam {
  /** Named teams by total pay (highest first, then by name), then other teams, then no team. */
  rows: TeamPay[];
  /** Over every participant: each part and the total pay. */
  total: {parts: PayParts; totalPay: DecimalString};
}

function lookup(teamOf: TeamOf): (participantId: string) => string | null {
  const find = typeof teamOf === 'function' ? teamOf : (id: string) => teamOf.get(id);
  return (id) => {
    const team = find(id);
    return typeof team === 'string' && team.trim() !== '' ? team : null;
  };
}

/** A running sum of pay parts that remembers how many places its terms had. */
class PartsSum {
  readonly sums = Object.fromEntries(PAY_COMPONENTS.map((c) => [c, new Decimal(0)])) as Record<keyof PayParts, Decimal>;
  total = new Decimal(0);
  places = 0;
  participants = 0;
  teams = 0;

  add(parts: PayParts, totalPay: DecimalString, participants = 1): void {
    for (const component of PAY_COMPONENTS) {
      this.sums[component] = this.sums[component].plus(parts[component]);
      this.places = Math.max(this.places, decimalPlaces(parts[component]));
    }
    this.total = this.total.plus(totalPay);
    this.places = Math.max(this.places, decimalPlaces(totalPay));
    this.participants += participants;
  }

  addSum(other: PartsSum): void {
    for (const component of PAY_COMPONENTS) this.sums[component] = this.sums[component].plus(other.sums[component]);
    this.total = this.total.plus(other.total);
    this.places = Math.max(this.places, other.places);
    this.participants += other.participants;
    this.teams += other.teams;
  }

  parts(): PayParts {
    return Object.fromEntries(PAY_COMPONENTS.map((c) => [c, this.sums[c].toFixed(this.places)])) as PayParts;
  }

  row(kind: TeamGroupKind, team: string | null): TeamPay {
    return {kind, team, teams: this.teams, participants: this.participants, parts: this.parts(), totalPay: this.total.toFixed(this.places)};
  }
}

/**
 * Sums each team's pay per component.
 *
 * @example payByTeam(run.results, new Map([['rec1', '华东一队'], ['rec2', '华南队']])).rows.map((row) => row.team)
 * // ['华南队', '华东一队'] when 华南队's total pay is the higher
 */
export function payByTeam(
  results: readonly Pick<ParticipantResult, 'participantId' | 'totalPay' | 'performancePay' | 'bonus' | 'teamBonus' | 'award'>[],
  teamOf: TeamOf,
  options: TeamPayOptions = {},
): PayByTeam {
  const maxTeams = Math.max(0, Math.floor(options.maxTeams ?? 8));
  const teamFor = lookup(teamOf);
  const byTeam = new Map<string, PartsSum>();
  const noTeam = new PartsSum();
  const all = new PartsSum();
  for (const result of results) {
    const parts = payParts(result);
    const team = teamFor(result.participantId);
    let sum = noTeam;
    if (team !== null) {
      sum = byTeam.get(team) ?? new PartsSum();
      if (!byTeam.has(team)) {
        sum.teams = 1;
        byTeam.set(team, sum);
      }
    }
    sum.add(parts, result.totalPay);
    all.add(parts, result.totalPay);
  }
  const ranked = [...byTeam].sort(([nameA, a], [nameB, b]) => b.total.comparedTo(a.total) || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0));
  // Keep one row for "other teams" only when it stands for two or more teams.
  const shown = ranked.length > maxTeams + 1 ? ranked.slice(0, maxTeams) : ranked;
  const rows = shown.map(([team, sum]) => sum.row('team', team));
  if (shown.length < ranked.length) {
    const others = new PartsSum();
    for (const [, sum] of ranked.slice(shown.length)) others.addSum(sum);
    rows.push(others.row('otherTeams', null));
  }
  if (noTeam.participants > 0) rows.push(noTeam.row('noTeam', null));
  return {rows, total: {parts: all.parts(), totalPay: all.total.toFixed(all.places)}};
}
