import { describe, expect, it } from 'vitest';
import {
  type CityFacts,
  type Collaboration,
  cooperationEdges,
  cooperationMatrix,
  perYear,
  shares,
  withoutPartner,
} from './graph';

// Four cities: 1 and 2 in Italy (music, crafts), 3 in Japan (crafts), 4 in Senegal (media arts).
const cities = new Map<number, CityFacts>([
  [1, { id: 1, field: 'music', region: 'europe', country: 'IT' }],
  [2, { id: 2, field: 'crafts', region: 'europe', country: 'IT' }],
  [3, { id: 3, field: 'crafts', region: 'asia', country: 'JP' }],
  [4, { id: 4, field: 'media', region: 'africa', country: 'SN' }],
  [5, { id: 5, field: 'music', region: 'africa', country: 'SN' }],
]);
const collaboration = (
  id: string,
  cityIds: number[],
  kind: Collaboration['kind'] = 'proposal',
  year = 2024,
  status = 'supported',
): Collaboration => ({ kind, id, status, year, cityIds });

const known = [
  collaboration('a', [1, 2]), // same country and region, two fields
  collaboration('b', [1, 3], 'proposal', 2025, 'draft'), // international, cross-region, cross-field
  collaboration('c', [1, 2, 3], 'initiative', 2020, 'active'),
  collaboration('d', [4]), // one city alone
];

describe('cooperation graph', () => {
  it('weights each pair by the collaborations it shares, with kinds and statuses', () => {
    expect(cooperationEdges(known)).toEqual([
      {
        source: 1,
        target: 2,
        weight: 2,
        proposals: 1,
        initiatives: 1,
        statuses: { supported: 1, active: 1 },
      },
      {
        source: 1,
        target: 3,
        weight: 2,
        proposals: 1,
        initiatives: 1,
        statuses: { draft: 1, active: 1 },
      },
      { source: 2, target: 3, weight: 1, proposals: 0, initiatives: 1, statuses: { active: 1 } },
    ]);
  });

  it('computes the shares of international, cross-field and cross-region collaborations', () => {
    const proposals = known.filter((c) => c.kind === 'proposal');
    expect(shares(proposals, cities)).toEqual({
      total: 3,
      international: 1,
      crossField: 2,
      crossRegion: 1,
      internationalShare: 1 / 3,
      crossFieldShare: 2 / 3,
      crossRegionShare: 1 / 3,
    });
    expect(shares([], cities).internationalShare).toBe(0);
  });

  it('builds symmetric region and field matrices', () => {
    const edges = cooperationEdges(known);
    const regions = cooperationMatrix(edges, (id) => cities.get(id)?.region, [
      'africa',
      'asia',
      'europe',
    ]);
    expect(regions.cells).toEqual([
      [0, 0, 0],
      [0, 0, 3],
      [0, 3, 2],
    ]);
    const fields = cooperationMatrix(edges, (id) => cities.get(id)?.field, [
      'crafts',
      'media',
      'music',
    ]);
    expect(fields.cells).toEqual([
      [1, 0, 4],
      [0, 0, 0],
      [4, 0, 0],
    ]);
  });

  it('lists the cities without a partner', () => {
    expect(withoutPartner(cities.keys(), cooperationEdges(known))).toEqual([4, 5]);
  });

  it('counts per year, with the pairs new that year', () => {
    expect(perYear(known, cities)).toEqual([
      { year: 2020, proposals: 0, initiatives: 1, international: 1, newPairs: 3 },
      { year: 2024, proposals: 2, initiatives: 0, international: 0, newPairs: 0 },
      { year: 2025, proposals: 1, initiatives: 0, international: 1, newPairs: 0 },
    ]);
  });
});
