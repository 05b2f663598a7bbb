import {D, ExactSum, NOT_A_NUMBER, formatGrouped, formatRatePercent, cellDecimal, roundMoney, round2} from '../../src/engine/money';

describe('money: exact decimals', () => {
  it('reads numbers and decimal text, with thousands commas', () => {
    expect(cellDecimal(46000)?.toString()).toBe('46000');
    expect(String(cellDecimal('1,234.5'))).toBe('1234.5');
    expect(String(cellDecimal(' -12.30 '))).toBe('-12.3');
    expect(cellDecimal('')).toBeNull();
    expect(cellDecimal(null)).toBeNull();
    expect(cellDecimal('12 units')).toBe(NOT_A_NUMBER);
    expect(cellDecimal('1,23')).toBe(NOT_A_NUMBER);
    expect(cellDecimal(true)).toBe(NOT_A_NUMBER);
    expect(cellDecimal(['recA'])).toBe(NOT_A_NUMBER);
  });

  it('keeps huge values and many decimals exact', () => {
    const sum = new D('1000000000000000').plus('0.000000000123456789').plus(1e15);
    expect(sum.toFixed()).toBe('2000000000000000.000000000123456789');
    // The float sum of 0.1 + 0.2 is the classic drift the engine must not have.
    expect(new D(0.1).plus(0.2).toString()).toBe('0.3');
  });

  it('rounds money once at the plan precision and mode', () => {
    const cny = {code: 'CNY', precision: 2, rounding: 'halfUp'} as const;
    expect(roundMoney(new D('2.345'), cny).toFixed(2)).toBe('2.35');
    expect(roundMoney(new D('-2.345'), cny).toFixed(2)).toBe('-2.35');
    expect(roundMoney(new D('2.345'), {...cny, rounding: 'halfEven'}).toFixed(2)).toBe('2.34');
    expect(roundMoney(new D('2.355'), {...cny, rounding: 'halfEven'}).toFixed(2)).toBe('2.36');
    expect(roundMoney(new D('2.349'), {...cny, rounding: 'down'}).toFixed(2)).toBe('2.34');
    expect(roundMoney(new D('1234.5'), {...cny, precision: 0}).toFixed(0)).toBe('1235');
    expect(round2(new D('24.975')).toFixed(2)).toBe('24.98');
  });

  it('formats amounts with thousands separators and rates as percent', () => {
    expect(formatGrouped(new D('46000'), 2)).toBe('46,000.00');
    expect(formatGrouped(new D('-1234567.891'), 2)).toBe('-1,234,567.89');
    expect(formatGrouped(new D('999'), 0)).toBe('999');
    expect(formatRatePercent('0.025')).toBe('2.5');
    expect(formatRatePercent('0.03')).toBe('3');
  });
});

describe('ExactSum.addSum', () => {
  it('adds integer units and decimal parts exactly, also past the point where units must be flushed', () => {
    const big = new ExactSum();
    // 2^49 units of 1e-4 each: sixteen flush once inside and leave 2^52 units, so two of them make 2^53.
    const amount = 2 ** 49 / 10_000;
    for (let i = 0; i < 16; i++) big.add(amount);
    const mixed = new ExactSum();
    mixed.add(0.00001); // not a 4-place amount: held as a decimal
    mixed.add(big.value());
    mixed.add(1234.5);
    const team = new ExactSum();
    team.addSum(big);
    team.addSum(mixed);
    team.addSum(big);
    const expected = new D(amount).times(48).plus('0.00001').plus('1234.5');
    expect(team.value().toString()).toBe(expected.toString());
  });
});
