/**
 * docs/plan.md §14's example recomputed from the doc itself: the rule from its JSON block, the
 * grades from its table, the suggestion column and the feedback line it quotes.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {feedbackLines} from '../../src/i18n/results';
import {promotionFor} from '../../src/ledger/promotion';
import {readRow} from '../../src/ledger/rows';
import type {PeriodState} from '../../src/ledger/status';
import type {PromotionRule} from '../../src/plan';
import {createTemplate} from '../../src/template';

const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'plan.md'), 'utf8');
const section = doc.slice(doc.indexOf('## 14. Promotion suggestion'));

function table(name: string): string[][] {
  const lines = section.slice(section.indexOf(`<!-- table:${name} -->`)).split('\n').slice(1);
  const rows = lines.slice(0, lines.findIndex((line, i) => i > 0 && !line.startsWith('|'))).filter((line) => line.startsWith('|'));
  return rows.map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

const rule = JSON.parse(/<!-- promotion:rule -->\n```json\n(.*)\n```/.exec(section)![1]) as PromotionRule;
const [header, , ...people] = table('promotion');
const periodIds = header.filter((cell) => /^\d{4}-\d{2}$/.test(cell));
// The template's plan: its periods are the months of 2026 and its grades S..D.
const plan = {...createTemplate(undefined, '2026-06-15'), promotion: [rule]};
const closed = (ids: string[]): Record<string, PeriodState> => Object.fromEntries(ids.map((id) => [id, {status: 'closed'} as PeriodState]));

function suggestionFor(cells: string[], states: Record<string, PeriodState>) {
  const [name, tier] = cells;
  const rows = periodIds.flatMap((periodId, i) => {
    const grade = cells[2 + i];
    return grade === '' ? [] : [readRow(`rec${name}${periodId}`, {participant: [{id: `rec${name}`, name}], period: periodId, grade}, {grade: 'singleLineText'})];
  });
  return promotionFor({plan, periodId: '2026-06', states, rows, tier});
}

describe('docs/plan.md §14 promotion example', () => {
  it('reads the rule and five closed months of the table', () => {
    expect(rule).toEqual({fromTier: '新人', minGrade: 'A', periods: 3, toTier: '资深'});
    expect(periodIds).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    expect(people).toHaveLength(4);
  });

  it('suggests exactly what the table says, with the feedback line the section quotes', () => {
    for (const cells of people) {
      const suggestion = suggestionFor(cells, closed(periodIds));
      expect([cells[0], suggestion?.toTier ?? '']).toEqual([cells[0], cells[7]]);
    }
    const li = suggestionFor(people[0], closed(periodIds))!;
    expect(li.periods).toEqual(['2026-03', '2026-04', '2026-05']);
    const [zh] = feedbackLines({strengths: [], weakest: [], promotion: li}, 'zh');
    const [en] = feedbackLines({strengths: [], weakest: [], promotion: li}, 'en');
    // The section's lines wrap: compare with its whitespace folded.
    expect(section.replace(/\s+/g, ' ')).toContain(`"${zh}" / "${en}"`);
  });

  it('with 2026-05 approved but not closed, suggests 李雷 from 2026-02 to 2026-04 and nobody else', () => {
    const states = {...closed(periodIds.slice(0, 4)), '2026-05': {status: 'approved'} as PeriodState};
    const suggested = people.map((cells) => [cells[0], suggestionFor(cells, states)?.periods ?? null]);
    expect(suggested).toEqual([
      ['李雷', ['2026-02', '2026-03', '2026-04']],
      ['赵敏', null],
      ['韩梅', null],
      ['张伟', null],
    ]);
  });
});
