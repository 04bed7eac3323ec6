// The proposal list's filters: read from and written to the page's address, and sent to the API.
import { PROPOSAL_STATUSES, type ProposalFilters } from './types';

export const EMPTY_PROPOSAL_FILTERS: ProposalFilters = {
  scope: 'mine',
  q: '',
  status: '',
  field: '',
  region: '',
  sdg: '',
  theme: '',
  city: '',
};

const KEYS = ['q', 'status', 'field', 'region', 'sdg', 'theme', 'city'] as const;

/**
 * The filters an address asks for; unknown statuses and SDGs out of 1–17 are dropped, and the
 * scope is "mine" unless `scope=all`.
 *
 * @example filtersFromSearch(new URLSearchParams('scope=all&sdg=11')).sdg // '11'
 */
export function filtersFromSearch(search: URLSearchParams): ProposalFilters {
  const filters = { ...EMPTY_PROPOSAL_FILTERS };
  filters.scope = search.get('scope') === 'all' ? 'all' : 'mine';
  for (const key of KEYS) filters[key] = (search.get(key) ?? '').trim();
  if (!(PROPOSAL_STATUSES as readonly string[]).includes(filters.status)) filters.status = '';
  const sdg = Number(filters.sdg);
  if (!Number.isInteger(sdg) || sdg < 1 || sdg > 17) filters.sdg = '';
  return filters;
}

/** The address's query for the filters: only what is set, "mine" being the default scope. */
export function searchFromFilters(filters: ProposalFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.scope === 'all') search.set('scope', 'all');
  for (const key of KEYS) if (filters[key] !== '') search.set(key, filters[key]);
  return search;
}

/**
 * The API path for the filters.
 *
 * @example proposalsApiPath({ ...EMPTY_PROPOSAL_FILTERS, q: 'craft' }) // '/api/proposals?scope=mine&q=craft'
 */
export function proposalsApiPath(filters: ProposalFilters): string {
  const search = new URLSearchParams({ scope: filters.scope });
  for (const key of KEYS) if (filters[key] !== '') search.set(key, filters[key]);
  return `/api/proposals?${search.toString()}`;
}

/** Whether any filter other than the scope narrows the list. */
export function hasActiveFilters(filters: ProposalFilters): boolean {
  return KEYS.some((key) => filters[key] !== '');
}
