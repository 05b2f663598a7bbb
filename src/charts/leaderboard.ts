/**
 * The leaderboard (排行榜) with score and pay: the first places in the engine's ranking order.
 */
import type {DecimalString} from '../plan';
import type {ParticipantResult} from '../results';

export interface LeaderboardEntry {
  participantId: string;
  name: string;
  rank: number;
  totalScore: DecimalString;
  grade: string | null;
  totalPay: DecimalString;
}

export interface Leaderboard {
  entries: LeaderboardEntry[];
  /**
   * Participants left out who share the last shown rank (competition ranking: 1, 1, 3). A board
   * of the first 10 can cut through a tie; the view says how many more hold that rank.
   */
  tiedBeyond: number;
}

/**
 * The first `size` participants by rank. Ties keep the engine's order (by name, then record id),
 * which is the order of `results` for equal ranks.
 *
 * @example leaderboard([{rank: 2, name: 'B'}, {rank: 1, name: 'A'}, {rank: 2, name: 'C'}], 2)
 * // {entries: [A (1), B (2)], tiedBeyond: 1}
 */
export function leaderboard(
  results: readonly Pick<ParticipantResult, 'participantId' | 'name' | 'rank' | 'totalScore' | 'grade' | 'totalPay'>[],
  size = 10,
): Leaderboard {
  // A stable sort: equal ranks stay in the order the engine listed them.
  const ranked = results.map((result, index) => ({result, index})).sort((a, b) => a.result.rank - b.result.rank || a.index - b.index);
  const shown = ranked.slice(0, Math.max(0, Math.floor(size)));
  const last = shown[shown.length - 1]?.result.rank;
  const tiedBeyond = last === undefined ? 0 : ranked.slice(shown.length).filter(({result}) => result.rank === last).length;
  const entries = shown.map(({result}) => ({
    participantId: result.participantId,
    name: result.name,
    rank: result.rank,
    totalScore: result.totalScore,
    grade: result.grade,
    totalPay: result.totalPay,
  }));
  return {entries, tiedBeyond};
}
