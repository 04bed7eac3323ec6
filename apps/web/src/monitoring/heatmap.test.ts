import { describe, expect, it } from 'vitest';
import { heatColor, heatTextColor, matrixMax, percent, weakestPairs } from './heatmap';

describe('heatmap scale', () => {
  it('leaves empty cells clear and darkens toward the maximum', () => {
    expect(heatColor(0, 10)).toBe('transparent');
    expect(heatColor(3, 0)).toBe('transparent');
    expect(heatColor(5, 10)).toBe('rgba(0, 114, 188, 0.55)');
    expect(heatColor(10, 10)).toBe('rgba(0, 114, 188, 1)');
  });

  it('switches to white text on dark cells', () => {
    expect(heatTextColor(2, 10)).toBe('inherit');
    expect(heatTextColor(8, 10)).toBe('#fff');
  });

  it('finds the largest cell and formats shares', () => {
    expect(
      matrixMax([
        [1, 4],
        [4, 0],
      ]),
    ).toBe(4);
    expect(matrixMax([])).toBe(0);
    expect(percent(0.256)).toBe('26%');
  });

  it('names the pairs of different keys that cooperate least, ties in matrix order', () => {
    const matrix = {
      keys: ['africa', 'arab', 'asia'],
      cells: [
        [5, 0, 2],
        [0, 0, 0],
        [2, 0, 9],
      ],
    };
    expect(weakestPairs(matrix, 2)).toEqual([
      { a: 'africa', b: 'arab', value: 0 },
      { a: 'arab', b: 'asia', value: 0 },
    ]);
    expect(weakestPairs(matrix, 5)).toHaveLength(3);
    expect(weakestPairs({ keys: [], cells: [] }, 3)).toEqual([]);
  });
});
