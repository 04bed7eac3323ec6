// The region × region matrix as a heatmap: a cell's shade says how much two regions cooperate.

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
