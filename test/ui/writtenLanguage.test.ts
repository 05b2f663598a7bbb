/** @jest-environment jsdom */
import {createDriver} from '../../sim/driver';
import {demoBase, FIELD_IDS} from '../../sim/demoBase';
import {computePreview, writtenLanguage} from '../../frontend/run/pipeline';
import {demoPlan} from '../support/demoPlan';

const breakdownChanges = (changes: {fieldId: string; new: unknown}[]) =>
  changes.filter((c) => c.fieldId === FIELD_IDS.reps.breakdown).map((c) => String(c.new));

describe('the language of written texts', () => {
  it('is the plan’s when it sets one, else the refreshing user’s', () => {
    expect(writtenLanguage({resultLanguage: 'zh'}, 'en')).toBe('zh');
    expect(writtenLanguage({}, 'en')).toBe('en');
    // An imported document with an unknown language does not write gibberish.
    expect(writtenLanguage({resultLanguage: 'fr' as never}, 'zh')).toBe('zh');
  });

  it('writes Chinese breakdowns for an English reader when the plan says zh', async () => {
    const driver = createDriver(demoBase({reps: 8, orders: 80}));
    const plan = {...demoPlan(), resultLanguage: 'zh' as const};
    const period = plan.periods[plan.periods.length - 1].id;
    const context = {now: new Date('2026-04-01T08:00:00Z'), lang: 'en' as const};
    const preview = await computePreview(driver.base, plan, period, 'rev', context);
    const texts = breakdownChanges(preview.writes.changes);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/总分/);

    const followingUser = await computePreview(driver.base, {...plan, resultLanguage: undefined}, period, 'rev', context);
    const english = breakdownChanges(followingUser.writes.changes);
    expect(english.length).toBe(texts.length);
    for (const text of english) expect(text).toMatch(/Total score/);
  });
});
