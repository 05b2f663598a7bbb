/**
 * The upline forest (上级关系). Each participant has at most one upline, so the links form a
 * functional graph: every walk up either reaches a top participant or enters a cycle. Participants
 * on a cycle (a self-link included) have no well-defined downline, so they get no team figures;
 * everyone else still does.
 */
import type {ParticipantFact} from '../facts';
import type {Issue} from '../results';
import {makeIssue} from './issues';

export interface Hierarchy {
  /** Index of the upline in the participants array, or -1 for a top participant. */
  upline: Int32Array;
  /** Direct downline per participant, in participant order. */
  children: number[][];
  inCycle: boolean[];
  issues: Issue[];
}

/** Builds the forest; `index` maps participant id to its position. */
export function buildHierarchy(participants: readonly ParticipantFact[], index: ReadonlyMap<string, number>): Hierarchy {
  const n = participants.length;
  const upline = new Int32Array(n).fill(-1);
  const children: number[][] = Array.from({length: n}, () => []);
  const inCycle: boolean[] = new Array<boolean>(n).fill(false);
  const issues: Issue[] = [];

  participants.forEach((p, i) => {
    if (!p.uplineId) return;
    const up = index.get(p.uplineId);
    if (up === undefined) {
      issues.push(makeIssue('warning', 'engine.hierarchy.unknownUpline', {name: p.name, upline: p.uplineId}, {recordIds: [p.id]}));
      return;
    }
    upline[i] = up;
    children[up].push(i);
  });

  // Walk up from each participant, stamping the walk number; meeting a stamp of the current walk
  // means the walk closed a cycle. Each participant is walked once: O(n).
  const walk = new Int32Array(n).fill(-1);
  for (let start = 0; start < n; start++) {
    if (walk[start] !== -1) continue;
    let at = start;
    while (at !== -1 && walk[at] === -1) {
      walk[at] = start;
      at = upline[at];
    }
    if (at === -1 || walk[at] !== start) continue;
    const members: number[] = [];
    let member = at;
    do {
      members.push(member);
      inCycle[member] = true;
      member = upline[member];
    } while (member !== at);
    if (members.length === 1) {
      const p = participants[at];
      issues.push(makeIssue('warning', 'engine.hierarchy.selfLink', {name: p.name}, {recordIds: [p.id]}));
    } else {
      const ps = members.map((m) => participants[m]);
      issues.push(
        makeIssue('warning', 'engine.hierarchy.cycle', {names: ps.map((p) => p.name).join(' → ')}, {recordIds: ps.map((p) => p.id)}),
      );
    }
  }
  return {upline, children, inCycle, issues};
}

/**
 * The downline of a participant level by level, down to `depth` levels (level 1 = direct).
 * Never called for cycle members; a visited set still guards against any loop.
 */
export function downlineByLevel(h: Hierarchy, of: number, depth: number): number[][] {
  const levels: number[][] = [];
  let current = [of];
  const seen = new Set<number>([of]);
  for (let level = 1; level <= depth && current.length > 0; level++) {
    const next: number[] = [];
    for (const member of current) {
      for (const child of h.children[member]) {
        if (seen.has(child)) continue;
        seen.add(child);
        next.push(child);
      }
    }
    if (next.length > 0) levels.push(next);
    current = next;
  }
  return levels;
}
