// Parses a CSV text into rows validated by a zod object, with errors that name file, line, column.
import { CsvError, parse } from 'csv-parse/sync';
import type { z } from 'zod';

/** A data file that cannot be seeded; names the place to fix, so nothing is written. */
export class SeedDataError extends Error {
  readonly code = 'SEED_DATA_INVALID';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string | undefined,
    readonly reason: string,
  ) {
    super(`${file}, line ${line}${column ? `, column "${column}"` : ''}: ${reason}`);
    this.name = 'SeedDataError';
  }
}

/** A parsed row with the line it came from, for errors found across rows or files. */
export interface Located<T> {
  line: number;
  row: T;
}

/**
 * Parses one CSV text and validates every row against a zod object whose keys are the
 * required columns; throws a `SeedDataError` at the first bad row. Extra columns are ignored.
 * @example parseCsv('slug,name\nafrica,Africa\n', 'regions.csv', z.object({ slug: z.string(), name: z.string() }))
 */
export function parseCsv<S extends z.ZodObject>(
  source: string,
  file: string,
  schema: S,
): Located<z.output<S>>[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(source, { columns: true, info: true, bom: true, skip_empty_lines: true });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : 0;
      throw new SeedDataError(file, line, undefined, error.message);
    }
    throw error;
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = Object.keys(schema.shape).find((column) => !header.includes(column));
  // A header-only file has no records to read its columns from; it simply seeds nothing.
  if (missing !== undefined && records.length > 0) {
    throw new SeedDataError(file, 1, missing, 'column is missing from the header');
  }
  return records.map(({ record, info }) => {
    const result = schema.safeParse(record);
    if (result.success) return { line: info.lines, row: result.data };
    const issue = result.error.issues[0];
    const column = issue?.path[0];
    throw new SeedDataError(
      file,
      info.lines,
      typeof column === 'string' ? column : undefined,
      issue?.message ?? 'invalid row',
    );
  });
}

/** Throws on the second row that repeats a key (slug, name, iso2). */
export function assertUnique<T>(
  file: string,
  rows: Located<T>[],
  column: string,
  key: (row: T) => string,
) {
  const seen = new Map<string, number>();
  for (const { line, row } of rows) {
    const value = key(row);
    const first = seen.get(value);
    if (first !== undefined) {
      throw new SeedDataError(file, line, column, `"${value}" is already on line ${first}`);
    }
    seen.set(value, line);
  }
}
