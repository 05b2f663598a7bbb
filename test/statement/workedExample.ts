/**
 * The facts of docs/plan.md's worked example, read from the doc's own tables (as
 * test/docs-plan.test.ts does, through the same reader), so that the statements tested are those of a published example:
 * 李雷 is paid base 3,000.00 + performance pay 3,000.00 + bonus 720.00 + team bonus 375.00 +
 * award 3,070.97 = 10,165.97 in March 2026.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Facts, ParticipantFact} from '../../src/facts';
import {customer, makeFacts, order, person, review} from '../support/planFixtures';

/** docs/plan.md as published: its tables are the worked example's data and expected results. */
export const planDoc = readFileSync(join(__dirname, '..', '..', 'docs', 'plan.md'), 'utf8');

/** The rows (cells trimmed) of the markdown table after `<!-- table:name -->`, header and rule skipped. */
export function docTable(name: string): string[][] {
  const start = planDoc.indexOf(`<!-- table:${name} -->`);
  if (start < 0) throw new Error(`docs/plan.md has no table ${name}`);
  const lines = planDoc.slice(start).split('\n').slice(1);
  const rows: string[][] = [];
  for (const line of lines) {
    if (!line.startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    rows.push(line.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows.slice(2);
}

export function workedExampleFacts(): Facts {
  const people = docTable('participants');
  const idOf = new Map(people.map(([name], i) => [name, `rec${i + 1}`]));
  const participants: ParticipantFact[] = people.map(([name, upline, team, tier, base, perf]) =>
    person(idOf.get(name)!, name, {uplineId: upline ? idOf.get(upline)! : null, team, tier, baseSalary: Number(base), performancePayBase: Number(perf)}),
  );
  const orders = docTable('orders').map(([id, rep, date, amount]) => order(id, idOf.get(rep)!, amount, date));
  const reviews = docTable('reviews').map(([id, rep, date, rating]) => review(id, idOf.get(rep)!, rating === '' ? null : Number(rating), date));
  const customers = docTable('customers').flatMap(([count, rep]) => Array.from({length: Number(count)}, (_, i) => customer(`${rep}-c${i}`, idOf.get(rep)!)));
  return makeFacts(participants, {orders, reviews, customers});
}
