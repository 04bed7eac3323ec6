import { describe, expect, it } from 'vitest';
import { proposalsPerYear } from './activity';

const group = (dimension: 'year' | 'field', key: string, status: string, count: number) => ({
  dimension,
  key,
  name: key,
  status,
  count,
});

describe('proposalsPerYear', () => {
  it('makes a row per year, oldest first, with a column per status', () => {
    const { rows, statuses } = proposalsPerYear([
      group('year', '2025', 'draft', 1),
      group('year', '2024', 'draft', 2),
      group('year', '2024', 'submitted', 3),
      group('field', 'music', 'draft', 9),
    ]);
    expect(rows).toEqual([
      { year: '2024', draft: 2, submitted: 3 },
      { year: '2025', draft: 1 },
    ]);
    expect(statuses).toEqual(['draft', 'submitted']);
  });

  it('adds up groups of the same year and status', () => {
    const { rows } = proposalsPerYear([
      group('year', '2024', 'draft', 2),
      group('year', '2024', 'draft', 1),
    ]);
    expect(rows).toEqual([{ year: '2024', draft: 3 }]);
  });

  it('is empty without year groups', () => {
    expect(proposalsPerYear([])).toEqual({ rows: [], statuses: [] });
  });
});
