// Markdown pieces of the report, written the way biome formats them (so `biome check` passes).

/** A table with every column padded to its widest cell, as biome's Markdown formatter does. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) =>
    Math.max(3, cell.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${widths.map((width, i) => (cells[i] ?? '').padEnd(width)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

export const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
export const pct = (value: number) => `${value.toFixed(value >= 99.5 && value < 100 ? 2 : 1)}%`;
export const mb = (value: number) => (value / 1024 / 1024).toFixed(1);
export const int = (value: number) => Math.round(value).toLocaleString('en-US');
export const kb = (value: number) => value.toFixed(1);
export const ratioText = (value: number | null) => (value === null ? '–' : `${value.toFixed(2)}×`);
