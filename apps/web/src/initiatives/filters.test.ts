import { describe, expect, it } from 'vitest';
import {
  EMPTY_INITIATIVE_FILTERS,
  hasActiveInitiativeFilters,
  initiativeFiltersFromSearch,
  initiativesApiPath,
} from './filters';

describe('initiative filters', () => {
  it('reads the address and drops unknown support states', () => {
    const filters = initiativeFiltersFromSearch(new URLSearchParams('field=music&support=maybe'));
    expect(filters).toEqual({ ...EMPTY_INITIATIVE_FILTERS, field: 'music' });
  });

  it('builds the API path with only what is set', () => {
    expect(initiativesApiPath(EMPTY_INITIATIVE_FILTERS)).toBe('/api/initiatives');
    expect(
      initiativesApiPath({ ...EMPTY_INITIATIVE_FILTERS, support: 'supported', city: 'lyon' }),
    ).toBe('/api/initiatives?support=supported&city=lyon');
  });

  it('knows when a filter narrows the list', () => {
    expect(hasActiveInitiativeFilters(EMPTY_INITIATIVE_FILTERS)).toBe(false);
    expect(hasActiveInitiativeFilters({ ...EMPTY_INITIATIVE_FILTERS, theme: 'education' })).toBe(
      true,
    );
  });
});
