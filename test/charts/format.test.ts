/**
 * The charts' formatting at the edge: money in the plan's currency and the reader's locale, plural
 * forms, grade colours and the histogram's band ticks.
 */
import {moneyFormat, percent, readerLocale} from '../../frontend/charts/money';
import {peopleText} from '../../frontend/charts/text';
import {gradeColours} from '../../frontend/charts/palette';
import {bandTicks} from '../../src/charts';

describe('money in the charts', () => {
  it("formats in the plan's currency at its precision, every digit of the decimal string kept", () => {
    const yuan = moneyFormat({code: 'CNY', precision: 2}, 'zh-CN');
    expect(yuan.full('14966.9')).toBe('¥14,966.90');
    expect(yuan.full('12345678901234567.89')).toBe('¥12,345,678,901,234,567.89');
    expect(yuan.axis(1_404_249.86)).toBe('¥140.4万');
    expect(yuan.symbol).toBe('¥');
    const dollars = moneyFormat({code: 'USD', precision: 2}, 'en-US');
    expect(dollars.full('-3000')).toBe('-$3,000.00');
    expect(dollars.axis(15_000)).toBe('$15K');
    expect(moneyFormat({code: 'JPY', precision: 0}, 'en-US').full('1500')).toBe('¥1,500');
    // The narrow symbol: one currency per plan, and no room in a panel for 'CN¥' or 'US$'.
    expect(moneyFormat({code: 'CNY', precision: 2}, 'en-US').full('1')).toBe('¥1.00');
    expect(moneyFormat({code: 'USD', precision: 2}, 'zh-CN').full('1')).toBe('$1.00');
  });

  it('shows an amount with the code when Intl does not know the currency, instead of failing', () => {
    const odd = moneyFormat({code: 'RMB1', precision: 2}, 'en-US');
    expect(odd.full('1234.5')).toBe('1,234.50 RMB1');
    expect(odd.axis(12_345)).toBe('12.3K RMB1');
  });

  it("takes the reader's locale when it is of the chosen language", () => {
    expect(readerLocale('en', 'en-GB')).toBe('en-GB');
    expect(readerLocale('zh', 'en-GB')).toBe('zh-CN');
    expect(readerLocale('zh', 'zh-TW')).toBe('zh-TW');
    expect(readerLocale('en', undefined)).toBe('en-US');
    expect(percent(1, 3, 'en-US')).toBe('33.3%');
    expect(percent(0, 0, 'en-US')).toBe('0%');
  });
});

describe('people, by the plural rules of the language', () => {
  it('says person and people in English, one form in Chinese', () => {
    expect(peopleText('en', 1)).toBe('1 person');
    expect(peopleText('en', 2)).toBe('2 people');
    expect(peopleText('en', 0)).toBe('0 people');
    expect(peopleText('en', 12345)).toBe('12,345 people');
    expect(peopleText('zh', 1)).toBe('1 人');
  });
});

describe('grade colours and band ticks', () => {
  it('colours the band with the highest minimum as the best, whatever the plan order', () => {
    const colours = gradeColours([
      {grade: 'D', min: '0'},
      {grade: 'S', min: '110'},
      {grade: 'B', min: '85'},
    ]);
    expect([colours.get('S'), colours.get('B'), colours.get('D')]).toEqual(['#20c933', '#fcb400', '#f82b60']);
  });

  it('puts the ticks at the ends and at the band boundaries inside', () => {
    const bins = [
      {from: '60', to: '70'},
      {from: '70', to: '80'},
      {from: '80', to: '90'},
    ];
    expect(bandTicks(bins, [{min: '85'}, {min: '70', max: '85'}, {min: '0', max: '70'}])).toEqual(['60', '70', '85', '90']);
    expect(bandTicks([], [{min: '0'}])).toEqual([]);
  });
});
