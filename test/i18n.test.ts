import {catalogue, parts, t, text} from '../src/i18n';

describe('the zh/en catalogue', () => {
  it('has a non-empty zh and en text for every key', () => {
    const missing: string[] = [];
    for (const [key, entry] of Object.entries(catalogue) as [string, {zh?: string; en?: string}][]) {
      if (!entry.zh || !entry.zh.trim()) missing.push(`${key}: zh`);
      if (!entry.en || !entry.en.trim()) missing.push(`${key}: en`);
    }
    expect(missing).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched: string[] = [];
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');
    for (const [key, entry] of Object.entries(catalogue)) {
      if (names(entry.zh) !== names(entry.en)) mismatched.push(key);
    }
    expect(mismatched).toEqual([]);
  });

  it('has no key defined in two parts (one would silently hide the other)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [part, messages] of Object.entries(parts)) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) twice.push(`${key} in ${seen.get(key)} and ${part}`);
        seen.set(key, part);
      }
    }
    expect(twice).toEqual([]);
  });

  it('fills parameters and keeps unknown ones visible', () => {
    expect(t('en', 'app.title')).toBe('Sales Performance & Bonus');
    expect(text('app.title').zh).toBe('销售绩效与奖金');
  });
});
