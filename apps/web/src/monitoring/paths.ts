// The monitoring API's addresses, for fetches and for the CSV download links.
import type { NetworkFilters } from './types';

export const EMPTY_NETWORK_FILTERS: NetworkFilters = {
  field: '',
  region: '',
  year: '',
  status: '',
};

/**
 * A /api/monitoring path with the filters that are set and any extra parameters.
 *
 * @example monitoringPath('graph', { ...EMPTY_NETWORK_FILTERS, year: '2020' }, { format: 'csv' }) // '/api/monitoring/graph?year=2020&format=csv'
 */
export function monitoringPath(
  resource: string,
  filters: Partial<NetworkFilters> = {},
  extra: Record<string, string> = {},
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
  for (const [key, value] of Object.entries(extra)) search.set(key, value);
  const query = search.toString();
  return `/api/monitoring/${resource}${query ? `?${query}` : ''}`;
}

/** The CSV download of one table. */
export function csvPath(resource: string, filters: Partial<NetworkFilters>, table?: string) {
  return monitoringPath(resource, filters, table ? { format: 'csv', table } : { format: 'csv' });
}
