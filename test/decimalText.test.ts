import fc from 'fast-check';
import Decimal from 'decimal.js';
import {parseDecimalText} from '../src/decimalText';
import {D} from '../src/engine/money';

describe('parseDecimalText, the one reader of decimals written as text', () => {
  it('reads plain decimals, spaces around them ignored', () => {
    expect(parseDecimalText('0.05')?.toString()).toBe('0.05');
    expect(parseDecimalText(' -12.30 ')?.toFixed(2)).toBe('-12.30');
    expect(parseDecimalText('.5')?.toString()).toBe('0.5');
    expect(parseDecimalText('7.')?.toString()).toBe('7');
  });

  it('refuses exponents, grouping, percent signs, words and non-strings', () => {
    for (const bad of ['1e5', 'Infinity', 'NaN', '0x10', '', ' ', '5%', '1,000', '1 000', '--1', '.', 5, null, undefined, {}]) {
      expect(parseDecimalText(bad)).toBeNull();
    }
  });

  it("builds with the class it is given, so the engine's 40-digit precision carries into arithmetic", () => {
    const third = parseDecimalText('1', D)!.div(3);
    expect(third.toString().replace('0.', '').length).toBe(40);
    expect(parseDecimalText('1')!.div(3).toString().replace('0.', '').length).toBe(Decimal.precision);
  });

  it('gives back exactly the digits it was given (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({min: -(10n ** 30n), max: 10n ** 30n}), fc.integer({min: 0, max: 12}), (units, places) => {
        const digits = (units < 0n ? -units : units).toString().padStart(places + 1, '0');
        const text = `${units < 0n ? '-' : ''}${places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits}`;
        expect(parseDecimalText(text, D)!.toFixed(places)).toBe(units === 0n && text.startsWith('-') ? text.slice(1) : text);
      }),
    );
  });
});
