/**
 * The people table's names and teams alone, for screens that show the results table (history,
 * payroll export): each person's id, name and team read exactly as the refresh reads them
 * (readFacts: the mapped name field, else the primary value; a team select, link or lookup by
 * its name), without loading any source table.
 */
import type {Base} from '@airtable/blocks/models';
import type {ParticipantFact} from '../../src/facts';
import type {PlanDocument} from '../../src/plan';
import {nameConverter} from './cells';

export type PersonName = Pick<ParticipantFact, 'id' | 'name' | 'team'>;

/**
 * The people in the people table's order; empty when no people table is mapped or it is gone.
 * A mapped name or team field deleted since is left out (the primary value names the person).
 */
export async function readPeopleNames(base: Base, plan: Pick<PlanDocument, 'mapping'>): Promise<PersonName[]> {
  const people = plan.mapping.people;
  const table = people ? base.getTableByIdIfExists(people.table.id) : null;
  if (!people || !table) return [];
  const nameField = people.name ? table.getFieldByIdIfExists(people.name.id) : null;
  const teamField = people.team ? table.getFieldByIdIfExists(people.team.id) : null;
  const nameOf = nameField ? nameConverter(nameField) : null;
  const teamOf = teamField ? nameConverter(teamField) : null;
  const fields = [table.primaryField, ...(nameField ? [nameField] : []), ...(teamField ? [teamField] : [])];
  const query = await table.selectRecordsAsync({fields});
  try {
    return query.records.map((record) => ({
      id: record.id,
      name: (nameOf && nameField ? nameOf(record.getCellValue(nameField)) : null) ?? record.name,
      team: teamOf && teamField ? teamOf(record.getCellValue(teamField)) : null,
    }));
  } finally {
    query.unloadData();
  }
}
