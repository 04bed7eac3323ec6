// The directory's filters round-trip through the URL and become the API's query.
import { describe, expect, it } from 'vitest';
import {
  citiesApiPath,
  EMPTY_FILTERS,
  filtersToParams,
  hasActiveFilters,
  parseFilters,
  updateFilter,
} from './filters';

describe('parseFilters', () => {
  it('reads every filter and trims it', () => {
    const params = new URLSearchParams('q=+kana+&field=gastronomy&region=asia-pacific&country=JP');
    expect(parseFilters(params)).toEqual({
      q: 'kana',
      field: 'gastronomy',
      region: 'asia-pacific',
      country: 'JP',
    });
  });

  it('treats missing filters as "any" and ignores unknown parameters', () => {
    expect(parseFilters(new URLSearchParams('utm_source=mail'))).toEqual(EMPTY_FILTERS);
  });
});

describe('filtersToParams', () => {
  it('leaves out empty filters', () => {
    const params = filtersToParams({ ...EMPTY_FILTERS, field: 'music', q: '  ' });
    expect(params.toString()).toBe('field=music');
  });

  it('round-trips with parseFilters, accents and spaces included', () => {
    const filters = { q: 'São Paulo', field: 'design', region: '', country: 'BR' };
    expect(parseFilters(new URLSearchParams(filtersToParams(filters).toString()))).toEqual(filters);
  });
});

describe('citiesApiPath', () => {
  it('is the bare path without filters', () => {
    expect(citiesApiPath(EMPTY_FILTERS)).toBe('/api/cities');
  });

  it('encodes the filters as the query string', () => {
    expect(citiesApiPath({ ...EMPTY_FILTERS, q: 'bo & co', country: 'IT' })).toBe(
      '/api/cities?q=bo+%26+co&country=IT',
    );
  });
});

describe('hasActiveFilters', () => {
  it('is true only when a filter is set', () => {
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, region: 'africa' })).toBe(true);
  });
});

describe('updateFilter', () => {
  const regionOf = (iso2: string) => ({ JP: 'asia-pacific', IT: 'europe-north-america' })[iso2];

  it('sets one filter', () => {
    expect(updateFilter(EMPTY_FILTERS, 'field', 'film', regionOf)).toEqual({
      ...EMPTY_FILTERS,
      field: 'film',
    });
  });

  it('drops a country outside the newly chosen region', () => {
    const filters = { ...EMPTY_FILTERS, country: 'JP' };
    expect(updateFilter(filters, 'region', 'africa', regionOf).country).toBe('');
    expect(updateFilter(filters, 'region', 'asia-pacific', regionOf).country).toBe('JP');
  });
});
