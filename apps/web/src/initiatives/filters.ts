// The initiative list's filters: read from and written to the page's address, sent to the API.
import { type InitiativeFilters, SUPPORT_STATES } from './types';

export const EMPTY_INITIATIVE_FILTERS: InitiativeFilters = {
  field: '',
  region: '',
  theme: '',
  support: '',
  city: '',
};

const KEYS = ['field', 'region', 'theme', 'support', 'city'] as const;

/**
 * The filters an address asks for; an unknown support state is dropped.
 *
 * @example initiativeFiltersFromSearch(new URLSearchParams('support=supported')).support // 'supported'
 */
export function initiativeFiltersFromSearch(search: URLSearchParams): InitiativeFilters {
  const filters = { ...EMPTY_INITIATIVE_FILTERS };
  for (const key of KEYS) filters[key] = (search.get(key) ?? '').trim();
  if (!(SUPPORT_STATES as readonly string[]).includes(filters.support)) filters.support = '';
  return filters;
}

/** Only the filters that are set, for the address and for the API alike. */
export function searchFromInitiativeFilters(filters: InitiativeFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of KEYS) if (filters[key] !== '') search.set(key, filters[key]);
  return search;
}

/**
 * The API path for the filters.
 *
 * @example initiativesApiPath({ ...EMPTY_INITIATIVE_FILTERS, field: 'music' }) // '/api/initiatives?field=music'
 */
export function initiativesApiPath(filters: InitiativeFilters): string {
  const query = searchFromInitiativeFilters(filters).toString();
  return query ? `/api/initiatives?${query}` : '/api/initiatives';
}

export function hasActiveInitiativeFilters(filters: InitiativeFilters): boolean {
  return KEYS.some((key) => filters[key] !== '');
}
