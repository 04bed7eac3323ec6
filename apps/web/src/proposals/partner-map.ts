// Where a proposal's cities sit on the list's small map, and which part of the world it shows.
import type { Proposal, ProposalCity } from './types';

/** The shared world drawing's size, in its own units (an Equal Earth projection's proportions). */
export const WORLD_SIZE = { width: 360, height: 175 } as const;

export interface MapPin {
  city: ProposalCity;
  lead: boolean;
  x: number;
  y: number;
}

export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Projects `[lon, lat]` onto the world drawing; null when it cannot. */
export type Project = (lonLat: [number, number]) => [number, number] | null | undefined;

/** The cities a proposal shows on its small map: the lead, then accepted partners. */
export function writingCities(proposal: Pick<Proposal, 'leadCity' | 'partners'>): ProposalCity[] {
  const accepted = proposal.partners.filter((p) => p.status === 'accepted').map((p) => p.city);
  return [proposal.leadCity, ...accepted];
}

/**
 * The lead and accepted partner cities as points on the world drawing; cities without
 * coordinates are left out.
 */
export function mapPins(
  proposal: Pick<Proposal, 'leadCity' | 'partners'>,
  project: Project,
): MapPin[] {
  const pins: MapPin[] = [];
  for (const city of writingCities(proposal)) {
    if (city.lat === null || city.lon === null) continue;
    const point = project([city.lon, city.lat]);
    if (point) pins.push({ city, lead: city === proposal.leadCity, x: point[0], y: point[1] });
  }
  return pins;
}

/**
 * The part of the world drawing a small map shows: the pins' box with a margin, at least
 * `minWidth` wide (so a lone city keeps its surroundings), in the map's `aspect` (width / height),
 * kept inside the world. The whole world when there is no pin.
 *
 * @example viewBoxFor([{ x: 180, y: 60 }], 2, 90) // { x: 135, y: 37.5, width: 90, height: 45 }
 */
export function viewBoxFor(
  pins: readonly { x: number; y: number }[],
  aspect: number,
  minWidth: number,
  margin = 14,
): ViewBox {
  const world = { x: 0, y: 0, ...WORLD_SIZE };
  if (pins.length === 0) return world;
  const xs = pins.map((p) => p.x);
  const ys = pins.map((p) => p.y);
  const left = Math.min(...xs) - margin;
  const right = Math.max(...xs) + margin;
  const top = Math.min(...ys) - margin;
  const bottom = Math.max(...ys) + margin;
  let width = Math.max(right - left, (bottom - top) * aspect, minWidth);
  let height = width / aspect;
  if (width >= world.width || height >= world.height) {
    // Wider than the world: show it all, in the map's proportions, centred.
    width = Math.max(world.width, world.height * aspect);
    height = width / aspect;
    return { x: (world.width - width) / 2, y: (world.height - height) / 2, width, height };
  }
  const clamp = (start: number, size: number, max: number) =>
    Math.min(Math.max(start, 0), max - size);
  return {
    x: clamp((left + right - width) / 2, width, world.width),
    y: clamp((top + bottom - height) / 2, height, world.height),
    width,
    height,
  };
}
