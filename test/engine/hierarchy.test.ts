import {buildHierarchy, downlineByLevel} from '../../src/engine/hierarchy';
import {person} from '../support/planFixtures';
import type {ParticipantFact} from '../../src/facts';

function tree(people: ParticipantFact[]) {
  const index = new Map(people.map((p, i) => [p.id, i]));
  return {h: buildHierarchy(people, index), index};
}

describe('hierarchy: the upline forest', () => {
  it('lists the downline level by level, down to a depth', () => {
    const people = [
      person('a', 'A'),
      person('b', 'B', {uplineId: 'a'}),
      person('c', 'C', {uplineId: 'a'}),
      person('d', 'D', {uplineId: 'b'}),
      person('e', 'E', {uplineId: 'd'}),
    ];
    const {h} = tree(people);
    expect(h.issues).toEqual([]);
    expect(downlineByLevel(h, 0, 2).map((level) => level.map((i) => people[i].id))).toEqual([['b', 'c'], ['d']]);
    expect(downlineByLevel(h, 0, 5).map((level) => level.map((i) => people[i].id))).toEqual([['b', 'c'], ['d'], ['e']]);
    expect(downlineByLevel(h, 4, 3)).toEqual([]);
  });

  it('reports a self-link with the record and marks only that participant', () => {
    const people = [person('a', '张三', {uplineId: 'a'}), person('b', 'B', {uplineId: 'a'})];
    const {h} = tree(people);
    expect(h.inCycle).toEqual([true, false]);
    expect(h.issues).toHaveLength(1);
    expect(h.issues[0]).toMatchObject({code: 'engine.hierarchy.selfLink', recordIds: ['a']});
    expect(h.issues[0].message.zh).toContain('张三');
    expect(h.issues[0].message.en).toContain('张三 is their own upline');
  });

  it('reports a cycle of three with all its records; a branch hanging off it is not in the cycle', () => {
    const people = [
      person('a', 'A', {uplineId: 'c'}),
      person('b', 'B', {uplineId: 'a'}),
      person('c', 'C', {uplineId: 'b'}),
      person('d', 'D', {uplineId: 'a'}),
      person('e', 'E'),
    ];
    const {h} = tree(people);
    expect(h.inCycle).toEqual([true, true, true, false, false]);
    expect(h.issues).toHaveLength(1);
    expect(h.issues[0].code).toBe('engine.hierarchy.cycle');
    expect([...h.issues[0].recordIds!].sort()).toEqual(['a', 'b', 'c']);
  });

  it('treats an upline that is not in the people table as no upline, and says so', () => {
    const {h} = tree([person('a', 'A', {uplineId: 'recDeleted'})]);
    expect(h.upline[0]).toBe(-1);
    expect(h.issues[0]).toMatchObject({code: 'engine.hierarchy.unknownUpline', recordIds: ['a']});
    expect(h.issues[0].message.en).toContain('recDeleted');
  });
});
