// CSV output of the monitoring tables (RFC 4180): a header row, CRLF line ends, fields quoted
// when they hold a comma, a quote or a line break.

export type CsvValue = string | number | boolean | null | undefined;

function field(value: CsvValue) {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A cell starting with = + - @ is a formula to spreadsheets; a leading quote keeps it text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows as CSV, columns in the order given.
 * @example toCsv(['city', 'count'], [{ city: 'Bologna, IT', count: 2 }]) // 'city,count\r\n"Bologna, IT",2\r\n'
 */
export function toCsv<K extends string>(
  columns: readonly K[],
  rows: readonly Record<K, CsvValue>[],
) {
  const lines = [columns.map(field).join(',')];
  for (const row of rows) lines.push(columns.map((column) => field(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
