/** @jest-environment jsdom */
/**
 * Lists in the reader's language (issue 14): names joined by Intl.ListFormat, not by a hand-picked
 * separator, both where text is made at the edge and in messages that travel as data.
 */
// The simulated SDK before the SDK itself (it is what the SDK finds as its host).
import {createDriver} from '../../sim/driver';
import {screen} from '@testing-library/react';
import {firstNames, listText, say, t} from '../../src/i18n';
import {refusal} from '../../frontend/settings/ResultFields';
import {RESULT_SPECS} from '../../frontend/settings/fieldRoles';
import {demoPlan} from '../support/demoPlan';
import {ParticipantDetail} from '../../frontend/run/ParticipantDetail';
import {runPlan} from '../../src/engine';
import {demoBase} from '../../sim/demoBase';
import {PERIOD, workedExamplePlan} from '../support/planFixtures';
import {renderInBase} from '../support/renderInBase';
import {workedExampleFacts} from '../statement/workedExample';

describe('lists in the language of the reader', () => {
  it('joins names with the language own words: 、 and 和 in zh, commas and "and" in en', () => {
    expect(listText(['销售冠军', '服务之星'], 'zh')).toBe('销售冠军和服务之星');
    expect(listText(['Sales champion', 'Service star', 'Best newcomer'], 'en')).toBe('Sales champion, Service star, and Best newcomer');
    expect(listText(['订单', '客户', '评价'], 'zh', 'disjunction')).toBe('订单、客户或评价');
    expect(listText(['Orders'], 'en')).toBe('Orders');
  });

  it('ends a shortened list with 等 / an ellipsis instead of a last "and"', () => {
    const names = ['SO-1', 'SO-2', 'SO-3', 'SO-4'];
    expect(listText(firstNames(names, 2).list as string[], 'en', 'conjunction', 2)).toBe('SO-1, SO-2 …');
    expect(firstNames(names, 2)).toEqual({list: ['SO-1', 'SO-2'], more: 2});
    expect(firstNames(names, 10)).toEqual({list: names, more: 0});
  });

  it('fills a list parameter of a message in the language the message is read in', () => {
    const message = {key: 'ledger.rows.manyParticipants' as const, params: {period: '2026-02', names: {list: ['李娜', '王强', '赵敏']}}};
    expect(say(message, 'zh')).toContain('（李娜、王强和赵敏）');
    expect(say(message, 'en')).toContain('李娜, 王强, and 赵敏');
    // zh/en labels in a list are each read in the message's language.
    const labels = {list: [{zh: '销售额', en: 'Sales'}, {zh: '满意度', en: 'Satisfaction'}]};
    expect(t('zh', 'settings.sources.inUse', {metrics: labels})).toContain('销售额和满意度');
    expect(t('en', 'settings.sources.inUse', {metrics: labels})).toContain('Sales and Satisfaction');
  });

  it('names the usable types of a result field as Airtable shows them, not by the SDK identifiers', () => {
    const spec = RESULT_SPECS.find((s) => s.key === 'totalPay')!;
    const why = refusal(spec, {id: 'fldNote', name: 'Note', type: 'singleLineText' as never, isComputed: false}, demoPlan(), 'fldPrimary');
    expect(why?.key).toBe('settings.results.refuseType');
    const en = t('en', why!.key, why!.params);
    const zh = t('zh', why!.key, why!.params);
    expect(en).toContain('usable types: currency or number.');
    expect(zh).toContain('可用类型：货币或数字。');
  });

  it.each([
    ['zh', '销售冠军、服务之星和最佳新人'],
    ['en', 'Sales champion, Service star, and Best newcomer'],
  ] as const)('lists a person\'s honours in the reader\'s language (%s) in the participant detail', (lang, shown) => {
    const [result] = runPlan(workedExamplePlan(), PERIOD.id, workedExampleFacts()).results;
    const honours = [
      {zh: '销售冠军', en: 'Sales champion'},
      {zh: '服务之星', en: 'Service star'},
      {zh: '最佳新人', en: 'Best newcomer'},
    ];
    const driver = createDriver(demoBase({reps: 4, orders: 10, months: 1}));
    renderInBase(driver, lang, <ParticipantDetail result={{...result, honours}} onClose={() => undefined} />);
    expect(screen.getByText(shown)).toBeInTheDocument();
  });
});
