import fc from 'fast-check';
import {D, exactPercentOf, fixedText, fromUnits, hundredthsOf, percentOf, round2, roundedQuotient, roundMoney, roundScore} from '../../src/engine/money';
import {groupDigits} from '../../src/i18n';
import {weightedByFraction} from '../../src/engine/scoring';

/** Decimal texts with up to 6 places, signs and zeros included ("-0.000", "12", "-3.1"). */
const decimalText = fc
  .tuple(fc.boolean(), fc.bigInt({min: 0n, max: 10n ** 18n}), fc.integer({min: 0, max: 6}))
  .map(([negative, digits, places]) => {
    const padded = digits.toString().padStart(places + 1, '0');
    const text = places === 0 ? padded : `${padded.slice(0, -places)}.${padded.slice(-places)}`;
    return negative ? `-${text}` : text;
  });

describe('fixedText: toFixed without the copy', () => {
  it('prints exactly what toFixed prints, for every sign, size and number of places', () => {
    fc.assert(
      fc.property(decimalText, fc.integer({min: 0, max: 4}), (text, places) => {
        const value = new D(text);
        expect(fixedText(value, places)).toBe(value.toFixed(places));
      }),
      {numRuns: 2000},
    );
  });

  it('pads whole and short values, and prints zero without a sign', () => {
    expect(fixedText(new D('46000'), 2)).toBe('46000.00');
    expect(fixedText(new D('4.5'), 2)).toBe('4.50');
    expect(fixedText(new D('-0'), 2)).toBe('0.00');
    expect(fixedText(new D('-0.001'), 2)).toBe('-0.00');
    expect(fixedText(new D('7'), 0)).toBe('7');
    // toString would print these in exponent notation; toFixed never does.
    for (const huge of ['1e60', '-1.00000000000000005e+600', '6.666666666666667e+59']) expect(fixedText(new D(huge), 2)).toBe(new D(huge).toFixed(2));
  });
});

describe('rounding that returns values already rounded as they are', () => {
  it('gives the same value as rounding through decimal.js', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        const value = new D(text);
        expect(round2(value).toFixed()).toBe(value.toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed());
        const currency = {code: 'CNY', precision: 0, rounding: 'halfEven' as const};
        expect(roundMoney(value, currency).toFixed()).toBe(value.toDecimalPlaces(0, D.ROUND_HALF_EVEN).toFixed());
      }),
      {numRuns: 2000},
    );
  });

  it('groups thousands of any length', () => {
    expect(groupDigits('1234')).toBe('1,234');
    expect(groupDigits('-1234567.8')).toBe('-1,234,567.8');
    expect(groupDigits('123456')).toBe('123,456');
    expect(groupDigits('999.99')).toBe('999.99');
  });
});

/** 2-place decimals from tiny to beyond the integer paths' limits, both signs. */
const twoPlaces = fc.tuple(fc.boolean(), fc.oneof(fc.bigInt({min: 0n, max: 100_000n}), fc.bigInt({min: 0n, max: 10n ** 20n}))).map(([negative, hundredths]) => {
  const padded = hundredths.toString().padStart(3, '0');
  return new D(`${negative ? '-' : ''}${padded.slice(0, -2)}.${padded.slice(-2)}`);
});

describe('integer paths for percentages and weighted scores', () => {
  it('percentOf equals round2(value / divisor x 100) with decimals', () => {
    fc.assert(
      fc.property(twoPlaces, twoPlaces, (value, divisor) => {
        fc.pre(!divisor.isZero());
        expect(percentOf(value, divisor).toFixed()).toBe(round2(value.dividedBy(divisor).times(100)).toFixed());
      }),
      {numRuns: 3000},
    );
  });

  it('rounds halves away from zero, as the decimals do', () => {
    expect(percentOf(new D('1'), new D('8')).toString()).toBe('12.5');
    expect(percentOf(new D('1'), new D('16')).toString()).toBe('6.25');
    expect(percentOf(new D('-1'), new D('1600')).toString()).toBe('-0.06');
    expect(percentOf(new D('2'), new D('3')).toString()).toBe('66.67');
    expect(roundedQuotient(-5, 2)).toBe(-3);
    expect(roundedQuotient(2 ** 53, 3)).toBeNull();
  });

  it('hundredthsOf reads a decimal of at most 2 places as whole hundredths, and refuses the rest', () => {
    expect(hundredthsOf(new D('-12.3'))).toBe(-1230);
    expect(hundredthsOf(new D('0'))).toBe(0);
    expect(Object.is(hundredthsOf(new D('-0')), 0)).toBe(true);
    expect(hundredthsOf(new D('9999999999999.99'))).toBe(999999999999999);
    expect(hundredthsOf(new D('10000000000000'))).toBeNull();
    expect(hundredthsOf(new D('1.005'))).toBeNull();
    fc.assert(
      fc.property(twoPlaces, (value) => expect(hundredthsOf(value)).toBe(value.abs().gte('1e13') ? null : value.times(100).toNumber() || 0)),
      {numRuns: 2000},
    );
  });

  it('exactPercentOf equals value / divisor x 100 with decimals, unrounded', () => {
    fc.assert(
      fc.property(twoPlaces, twoPlaces, (value, divisor) => {
        fc.pre(!divisor.isZero());
        expect(exactPercentOf(value, divisor).toFixed()).toBe(value.dividedBy(divisor).times(100).toFixed());
      }),
      {numRuns: 3000},
    );
    expect(exactPercentOf(new D('46000'), new D('50000')).toString()).toBe('92');
    expect(exactPercentOf(new D('2'), new D('3')).toFixed(40)).toMatch(/^66\.6{30,}/);
  });

  it('weightedByFraction is the exact product, on the integer path or not', () => {
    fc.assert(
      fc.property(twoPlaces, twoPlaces, (score, weight) => {
        expect(weightedByFraction(score, weight.times('0.01'), hundredthsOf(weight)).toFixed()).toBe(score.times(weight).dividedBy(100).toFixed());
      }),
      {numRuns: 3000},
    );
    expect(fromUnits(-5, 6).toString()).toBe('-0.000005');
    expect(fromUnits(27525000, 6).toString()).toBe('27.525');
  });

  it('roundScore rounds once, half up, after settling the last digit of a 40-digit quotient', () => {
    // Ratings 1, 1, 2 on a 1-9 scale, weight 15%: (4/3 - 1) / 8 x 100 x 15% is exactly 0.625,
    // computed to 40 digits 0.62499...95.
    const weighted = new D(4).dividedBy(3).minus(1).dividedBy(8).times(100).times('0.15');
    expect(weighted.toDecimalPlaces(2, D.ROUND_HALF_UP).toString()).toBe('0.62');
    expect(roundScore(weighted, 2).toString()).toBe('0.63');
    fc.assert(
      fc.property(decimalText, fc.integer({min: 0, max: 4}), (text, places) => {
        const value = new D(text);
        expect(roundScore(value, places).toFixed()).toBe(value.toDecimalPlaces(places, D.ROUND_HALF_UP).toFixed());
      }),
      {numRuns: 2000},
    );
  });

  it('weightedByFraction gives the same with the weight in hundredths', () => {
    fc.assert(
      fc.property(twoPlaces, twoPlaces, (score, weight) => {
        const fraction = weight.times('0.01');
        expect(weightedByFraction(score, fraction, hundredthsOf(weight)).toFixed()).toBe(weightedByFraction(score, fraction).toFixed());
      }),
      {numRuns: 3000},
    );
  });
});
