/**
 * Team champion award (团队销售冠军奖). Teams are the participants' team values; the best team is
 * the one whose members' personal metric values add up highest (ties: team name order), and only
 * a team with a positive sum wins. Its leader is the member with the most downline inside the team
 * (ties: name, then id). The leader gets pool x leaderShare; the rest is split among the other
 * members, equally or pro rata to their non-negative value (all zero: equally), by largest
 * remainder so that the parts add up to the pool exactly. A team of one gets the whole pool.
 */
import type {ChampionAward, Currency} from '../plan';
import {planDecimal, roundMoney, ZERO, type Dec} from './money';
import {compareByName, compareText} from './rank';
import {largestRemainder} from './split';

export interface AwardMember {
  index: number;
  id: string;
  name: string;
  team: string | null;
  /** Personal value of the award's metric (2 places); null counts as 0 in the team sum. */
  value: Dec | null;
  /** How many members of the same team are below this one in the upline tree. */
  downlineInTeam: number;
}

export interface AwardShare {
  team: string;
  role: 'leader' | 'member' | 'alone';
  amount: Dec;
  pool: Dec;
  leaderShare: Dec;
  /** The pool minus the leader's part: what the members split. */
  rest: Dec;
  /** Members sharing `rest`. */
  members: number;
  split: ChampionAward['split'];
  value: Dec;
  /** Sum of the sharing members' non-negative values (pro rata). */
  teamValue: Dec;
}

export function bestTeam(members: readonly AwardMember[]): {team: string; sum: Dec} | null {
  const sums = new Map<string, Dec>();
  for (const m of members) {
    if (!m.team) continue;
    sums.set(m.team, (sums.get(m.team) ?? ZERO).plus(m.value ?? ZERO));
  }
  let best: {team: string; sum: Dec} | null = null;
  for (const [team, sum] of sums) {
    const c = best ? sum.comparedTo(best.sum) : 1;
    if (!best || c > 0 || (c === 0 && compareText(team, best.team) < 0)) best = {team, sum};
  }
  return best && best.sum.greaterThan(0) ? best : null;
}

/** The award for each winning member, by participant index; empty when no team wins. */
export function championAward(award: ChampionAward, members: readonly AwardMember[], currency: Currency): Map<number, AwardShare> {
  const out = new Map<number, AwardShare>();
  const pool = planDecimal(award.pool);
  if (!award.enabled || pool === null || pool.lessThanOrEqualTo(0)) return out;
  const winner = bestTeam(members);
  if (!winner) return out;
  const team = members.filter((m) => m.team === winner.team).sort(compareByName);
  const leader = [...team].sort((a, b) => b.downlineInTeam - a.downlineInTeam || compareByName(a, b))[0];
  const rounded = roundMoney(pool, currency);
  const leaderShare = planDecimal(award.leaderShare) ?? ZERO;
  const base = {team: winner.team, pool: rounded, leaderShare, split: award.split};
  if (team.length === 1) {
    out.set(leader.index, {...base, role: 'alone', amount: rounded, rest: ZERO, members: 0, value: leader.value ?? ZERO, teamValue: ZERO});
    return out;
  }
  const leaderAmount = roundMoney(rounded.times(leaderShare), currency);
  const rest = rounded.minus(leaderAmount);
  const others = team.filter((m) => m !== leader);
  const weights = others.map((m) => (award.split === 'proRata' && m.value && m.value.greaterThan(0) ? m.value : award.split === 'proRata' ? ZERO : planDecimal('1')!));
  const teamValue = weights.reduce((a, w) => a.plus(w), ZERO);
  const parts = largestRemainder(rest, weights, currency.precision);
  const common = {...base, rest, members: others.length, teamValue: award.split === 'proRata' ? teamValue : ZERO};
  out.set(leader.index, {...common, role: 'leader', amount: leaderAmount, value: leader.value ?? ZERO});
  others.forEach((m, i) => out.set(m.index, {...common, role: 'member', amount: parts[i], value: weights[i]}));
  return out;
}
