import { describe, expect, it } from 'vitest';
import {
  EMPTY_PROPOSAL_FILTERS,
  filtersFromSearch,
  hasActiveFilters,
  proposalsApiPath,
  searchFromFilters,
} from './filters';

describe('proposal filters', () => {
  it('reads the scope, the filters and the search from the address', () => {
    const filters = filtersFromSearch(
      new URLSearchParams('scope=all&status=draft&sdg=11&field=crafts-and-folk-art&q= craft '),
    );
    expect(filters).toEqual({
      ...EMPTY_PROPOSAL_FILTERS,
      scope: 'all',
      status: 'draft',
      sdg: '11',
      field: 'crafts-and-folk-art',
      q: 'craft',
    });
  });

  it('drops what the API would refuse', () => {
    const filters = filtersFromSearch(new URLSearchParams('scope=everything&status=lost&sdg=18'));
    expect(filters).toEqual(EMPTY_PROPOSAL_FILTERS);
    expect(filtersFromSearch(new URLSearchParams('sdg=1.5')).sdg).toBe('');
  });

  it('writes only what is set, and round-trips', () => {
    const filters = { ...EMPTY_PROPOSAL_FILTERS, scope: 'all' as const, theme: 'education' };
    expect(searchFromFilters(filters).toString()).toBe('scope=all&theme=education');
    expect(searchFromFilters(EMPTY_PROPOSAL_FILTERS).toString()).toBe('');
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });

  it('always sends the scope to the API', () => {
    expect(proposalsApiPath(EMPTY_PROPOSAL_FILTERS)).toBe('/api/proposals?scope=mine');
    expect(proposalsApiPath({ ...EMPTY_PROPOSAL_FILTERS, q: 'jazz & food', city: 'dakar' })).toBe(
      '/api/proposals?scope=mine&q=jazz+%26+food&city=dakar',
    );
  });

  it('tells whether the list is narrowed beyond its scope', () => {
    expect(hasActiveFilters({ ...EMPTY_PROPOSAL_FILTERS, scope: 'all' })).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_PROPOSAL_FILTERS, region: 'africa' })).toBe(true);
  });
});
