// The region × region and field × field matrices as heatmaps: a cell's shade says how much two
// regions (or fields) cooperate, and the pairs that cooperate least are named.
import type { Matrix } from './types';

/**
 * A cell's background: transparent for 0, then darker as the value nears the matrix's maximum.
 *
 * @example heatColor(5, 10) // 'rgba(0, 114, 188, 0.55)'
 */
export function heatColor(value: number, max: number): string {
  if (max <= 0 || value <= 0) return 'transparent';
  const alpha = 0.1 + 0.9 * Math.min(value / max, 1);
  return `rgba(0, 114, 188, ${Math.round(alpha * 100) / 100})`;
}

/** White text on the darker half of the scale, so that the number stays readable. */
export function heatTextColor(value: number, max: number): string {
  return max > 0 && value / max > 0.5 ? '#fff' : 'inherit';
}

/** The largest cell of a matrix (0 for an empty one). */
export function matrixMax(cells: number[][]): number {
  return Math.max(0, ...cells.flat());
}

/** A share (0–1) as a whole percentage. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export interface MatrixPair {
  a: string;
  b: string;
  value: number;
}

/**
 * The pairs of different keys that cooperate least, weakest first (ties in key order): what the
 * Secretariat looks for when asking where cooperation is missing.
 *
 * @example weakestPairs({ keys: ['a', 'b', 'c'], cells: [[1, 0, 2], [0, 1, 3], [2, 3, 0]] }, 1) // [{ a: 'a', b: 'b', value: 0 }]
 */
export function weakestPairs(matrix: Matrix, count: number): MatrixPair[] {
  const pairs: MatrixPair[] = [];
  matrix.keys.forEach((a, i) => {
    matrix.keys.forEach((b, j) => {
      if (j > i) pairs.push({ a, b, value: matrix.cells[i]?.[j] ?? 0 });
    });
  });
  // A stable sort keeps the matrix's order among equal values.
  return pairs.sort((x, y) => x.value - y.value).slice(0, count);
}
