import {D} from '../../src/engine/money';
import {largestRemainder} from '../../src/engine/split';

const split = (total: string, weights: number[], precision = 2) => largestRemainder(new D(total), weights.map((w) => new D(w)), precision).map((x) => x.toFixed(precision));

describe('largest remainder split', () => {
  it('splits 100 three ways into parts that sum to 100 exactly; the extra cent goes first in the given order', () => {
    expect(split('100', [1, 1, 1])).toEqual(['33.34', '33.33', '33.33']);
  });
  it('gives the leftover units to the largest remainders', () => {
    // 10 x 1/6 = 1.666.., 10 x 2/6 = 3.333.., 10 x 3/6 = 5: floors 1.66, 3.33, 5.00 leave 1 cent -> first (0.666 > 0.333)
    expect(split('10', [1, 2, 3])).toEqual(['1.67', '3.33', '5.00']);
  });
  it('splits equally when every weight is zero, and ignores negative weights', () => {
    expect(split('1', [0, 0, 0], 0)).toEqual(['1', '0', '0']);
    expect(split('9', [-5, 1, 2], 0)).toEqual(['0', '3', '6']);
  });
  it('handles nothing to split', () => {
    expect(split('0', [1, 2])).toEqual(['0.00', '0.00']);
    expect(split('5', [])).toEqual([]);
  });
});
