// The map's zoom area for a filtered list of cities.
import { describe, expect, it } from 'vitest';
import { focusArea, MIN_SPAN } from './extent';

function bounds(area: ReturnType<typeof focusArea>) {
  const points = area?.coordinates ?? [];
  const lons = points.map((p) => p[0] ?? 0);
  const lats = points.map((p) => p[1] ?? 0);
  return {
    west: Math.min(...lons),
    east: Math.max(...lons),
    south: Math.min(...lats),
    north: Math.max(...lats),
  };
}

describe('focusArea', () => {
  it('is null when no city has coordinates', () => {
    expect(focusArea([])).toBeNull();
    expect(focusArea([{ lat: null, lon: 10 }])).toBeNull();
  });

  it('widens a single city to the minimum span, centred on it', () => {
    const b = bounds(focusArea([{ lat: 36.6, lon: 136.7 }]));
    expect(b.east - b.west).toBeCloseTo(MIN_SPAN.lon);
    expect(b.north - b.south).toBeCloseTo(MIN_SPAN.lat);
    expect((b.east + b.west) / 2).toBeCloseTo(136.7);
  });

  it('keeps a wide spread as it is and ignores cities without coordinates', () => {
    const b = bounds(
      focusArea([
        { lat: 44.5, lon: 11.3 },
        { lat: 14.7, lon: -17.4 },
        { lat: null, lon: null },
        { lat: 45.5, lon: -73.6 },
      ]),
    );
    expect(b).toEqual({ west: -73.6, east: 11.3, south: 14.7, north: 45.5 });
  });

  it('stays on the globe', () => {
    const b = bounds(focusArea([{ lat: 78, lon: 178 }]));
    expect(b.east).toBe(180);
    expect(b.north).toBe(85);
  });
});
