// The city directory's filters: read from and written to the URL, and turned into API queries.
import type { CityFilters } from '../api/types';

/** Filter keys, in the order they appear in URLs. */
export const FILTER_KEYS = ['q', 'field', 'region', 'country'] as const;

export const EMPTY_FILTERS: CityFilters = { q: '', field: '', region: '', country: '' };

/**
 * Reads the filters from a query string; missing or blank values mean "any".
 *
 * @example parseFilters(new URLSearchParams('field=music&q=+bo+')) // { q: 'bo', field: 'music', … }
 */
export function parseFilters(params: URLSearchParams): CityFilters {
  const filters = { ...EMPTY_FILTERS };
  for (const key of FILTER_KEYS) filters[key] = (params.get(key) ?? '').trim();
  return filters;
}

/** The query string for a set of filters, with empty ones left out (so `/cities` stays clean). */
export function filtersToParams(filters: CityFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key].trim();
    if (value !== '') params.set(key, value);
  }
  return params;
}

/** Path and query of `GET /api/cities` for these filters. */
export function citiesApiPath(filters: CityFilters): string {
  const query = filtersToParams(filters).toString();
  return query === '' ? '/api/cities' : `/api/cities?${query}`;
}

/** Whether any filter is set. */
export function hasActiveFilters(filters: CityFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key].trim() !== '');
}

/**
 * Changes one filter and returns the new set. Choosing a region drops a country that is not in
 * it, so the two selects never contradict each other.
 */
export function updateFilter(
  filters: CityFilters,
  key: keyof CityFilters,
  value: string,
  countryRegion: (iso2: string) => string | undefined,
): CityFilters {
  const next = { ...filters, [key]: value };
  if (key === 'region' && value !== '' && next.country !== '') {
    if (countryRegion(next.country) !== value) next.country = '';
  }
  return next;
}
