// The activity counts reshaped for charts: one row per year with a column per status.
import type { Activity } from './types';

export type YearRow = { year: string } & Record<string, number | string>;

/**
 * Proposals per year and status, oldest year first, with the statuses that occur.
 *
 * @example proposalsPerYear([{ dimension: 'year', key: '2024', name: '2024', status: 'draft', count: 2 }]).rows // [{ year: '2024', draft: 2 }]
 */
export function proposalsPerYear(groups: Activity['proposalsByStatus']): {
  rows: YearRow[];
  statuses: string[];
} {
  const byYear = new Map<string, YearRow>();
  const statuses = new Set<string>();
  for (const group of groups) {
    if (group.dimension !== 'year') continue;
    statuses.add(group.status);
    const row = byYear.get(group.key) ?? { year: group.key };
    row[group.status] = Number(row[group.status] ?? 0) + group.count;
    byYear.set(group.key, row);
  }
  const rows = [...byYear.values()].sort((a, b) => a.year.localeCompare(b.year));
  return { rows, statuses: [...statuses] };
}
