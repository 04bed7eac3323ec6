// The part of the world a set of cities occupies, so that the map can zoom in on a filtered list.
import type { MultiPoint } from 'geojson';

/** The smallest area shown, in degrees, so that a single city keeps its surroundings. */
export const MIN_SPAN = { lon: 40, lat: 22 } as const;

interface Located {
  lat: number | null;
  lon: number | null;
}

/**
 * A MultiPoint covering the cities' bounding box, widened to at least `MIN_SPAN`, or null when
 * no city has coordinates. Feed it to a projection's `fitExtent`.
 *
 * @example focusArea([{ lat: 36.6, lon: 136.7 }]) // a 40° × 22° box around Kanazawa
 */
export function focusArea(cities: readonly Located[]): MultiPoint | null {
  let west = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const { lat, lon } of cities) {
    if (lat === null || lon === null) continue;
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  if (west > east) return null;

  const padLon = Math.max(0, MIN_SPAN.lon - (east - west)) / 2;
  const padLat = Math.max(0, MIN_SPAN.lat - (north - south)) / 2;
  west = Math.max(-180, west - padLon);
  east = Math.min(180, east + padLon);
  south = Math.max(-85, south - padLat);
  north = Math.min(85, north + padLat);
  return {
    type: 'MultiPoint',
    coordinates: [
      [west, south],
      [west, north],
      [east, south],
      [east, north],
      [(west + east) / 2, north],
      [(west + east) / 2, south],
    ],
  };
}
