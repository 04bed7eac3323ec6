import { describe, expect, it } from 'vitest';
import type { PlacedCity } from '../initiatives/types';
import { edgeSize, nodeSize, partnersOf, toSigmaAttributes } from './graph-attributes';
import { csvPath, EMPTY_NETWORK_FILTERS, monitoringPath } from './paths';

const city = (slug: string, field: string, lon: number | null): PlacedCity => ({
  slug,
  name: slug.toUpperCase(),
  country: { iso2: 'FR', name: 'France' },
  region: { slug: 'europe', name: 'Europe', nameFr: 'Europe' },
  field: { slug: field, name: field, nameFr: field },
  designationYear: 2014,
  lat: lon === null ? null : 45,
  lon,
});

describe('sizes', () => {
  it('grows nodes with the square root of activity', () => {
    expect(nodeSize(0, 100)).toBe(3);
    expect(nodeSize(100, 100)).toBe(16);
    expect(nodeSize(25, 100)).toBeCloseTo(3 + 13 * 0.5);
    expect(nodeSize(5, 0)).toBe(3);
  });

  it('widens edges with their weight', () => {
    expect(edgeSize(4, 4)).toBe(6);
    expect(edgeSize(0, 0)).toBe(1);
  });
});

describe('toSigmaAttributes', () => {
  const graph = {
    nodes: [
      {
        city: city('lyon', 'gastronomy', 4.8),
        activity: 10,
        collaborations: 1,
        degree: 1,
        betweenness: 0,
      },
      {
        city: city('turin', 'design', null),
        activity: 0,
        collaborations: 1,
        degree: 1,
        betweenness: 0,
      },
    ],
    edges: [
      { source: 'lyon', target: 'turin', weight: 2, proposals: 1, initiatives: 1, statuses: {} },
      { source: 'lyon', target: 'ghost', weight: 1, proposals: 1, initiatives: 0, statuses: {} },
    ],
  };

  it('colours by field, places by longitude and drops edges to unknown cities', () => {
    const out = toSigmaAttributes(graph, (field) => `#${field}`);
    expect(out.nodes[0]).toEqual({
      key: 'lyon',
      attributes: {
        label: 'LYON',
        x: 4.8,
        y: 45,
        size: 16,
        color: '#gastronomy',
        field: 'gastronomy',
      },
    });
    expect(out.nodes[1]?.attributes.size).toBe(3);
    expect(Number.isFinite(out.nodes[1]?.attributes.x)).toBe(true);
    expect(out.edges).toHaveLength(1);
    expect(out.edges[0]?.attributes).toMatchObject({ weight: 2, size: 6 });
  });

  it('lists a city’s partners, closest first', () => {
    expect(
      partnersOf(
        [
          { source: 'a', target: 'b', weight: 1 },
          { source: 'c', target: 'a', weight: 3 },
          { source: 'b', target: 'c', weight: 9 },
        ],
        'a',
      ),
    ).toEqual([
      { slug: 'c', weight: 3 },
      { slug: 'b', weight: 1 },
    ]);
  });
});

describe('monitoring paths', () => {
  it('keeps only the filters that are set and adds the CSV table', () => {
    expect(monitoringPath('graph', EMPTY_NETWORK_FILTERS)).toBe('/api/monitoring/graph');
    expect(csvPath('measures', { ...EMPTY_NETWORK_FILTERS, field: 'film' }, 'regionMatrix')).toBe(
      '/api/monitoring/measures?field=film&format=csv&table=regionMatrix',
    );
  });
});
