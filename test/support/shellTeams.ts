/**
 * The shell's base (test/support/shellBase.ts) with a team for each rep (a single select, as a
 * base keeps it) and, optionally, names a CSV must quote: a comma, double quotes, a line break,
 * Chinese. The figures stay those of shellBase: only names and teams change.
 */
import type {FixtureData} from '../../sim/fixture';
import type {PlanDocument} from '../../src/plan';
import {shellBase} from './shellBase';

export const TEAM_FIELD_ID = 'fldRepsTeam';

/** Teams: 李娜 and 王强 in 华东一队, 赵敏 alone in a team whose name needs quoting. */
export const SHELL_TEAMS: Readonly<Record<string, string>> = {recLi: '华东一队', recWang: '华东一队', recZhao: 'North, "A"'};

/** Names that a CSV writer must quote, each rep keeping their figures. */
export const QUOTED_NAMES: Readonly<Record<string, string>> = {recLi: '李娜, 华东', recWang: 'Wang "Boss" Qiang', recZhao: '赵敏\n（新人）'};

export function shellBaseWithTeams(options: {quotedNames?: boolean} = {}): FixtureData {
  const fixture = shellBase();
  const reps = fixture.base.tables.find((table) => table.id === 'tblReps')!;
  const names = [...new Set(Object.values(SHELL_TEAMS))];
  const choices = names.map((name, i) => ({id: `selTeam${i}`, name, color: 'blueLight2'}));
  reps.fields.push({id: TEAM_FIELD_ID, name: '团队', description: null, type: 'singleSelect', options: {choices}} as (typeof reps.fields)[number]);
  const order = reps.views[0].fieldOrder;
  order.fieldIds.push(TEAM_FIELD_ID);
  order.visibleFieldCount = order.fieldIds.length;
  for (const record of reps.records) {
    const team = choices.find((choice) => choice.name === SHELL_TEAMS[record.id])!;
    record.cellValuesByFieldId[TEAM_FIELD_ID] = {id: team.id, name: team.name, color: team.color};
    if (options.quotedNames) record.cellValuesByFieldId.fldRepsName = QUOTED_NAMES[record.id];
  }
  return fixture;
}

/** The shell's plan with the team field mapped. */
export function withTeamMapping(plan: PlanDocument): PlanDocument {
  plan.mapping.people!.team = {id: TEAM_FIELD_ID, name: '团队'};
  return plan;
}
