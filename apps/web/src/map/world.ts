// Loads Natural Earth's 110m countries (bundled by world-atlas, fetched on demand) as GeoJSON.
import type { ExtendedFeatureCollection } from 'd3-geo';
import type { MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// A hashed static file: the 100 kB of arcs stay out of the JavaScript bundle.
import worldUrl from 'world-atlas/countries-110m.json?url';

export interface World {
  countries: ExtendedFeatureCollection;
  /** Borders between countries, drawn once rather than twice per shared edge. */
  borders: MultiLineString;
}

/** ISO 3166 numeric code of Antarctica, world-atlas's feature id. */
const ANTARCTICA = '010';

/** The countries without Antarctica, which only takes room on a map of cities. */
export function inhabited(world: World): ExtendedFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: world.countries.features.filter((f) => f.id !== ANTARCTICA),
  };
}

type CountriesTopology = Topology<{ countries: GeometryCollection }>;

function isCountriesTopology(value: unknown): value is CountriesTopology {
  if (typeof value !== 'object' || value === null) return false;
  const { type, objects } = value as { type?: unknown; objects?: { countries?: unknown } };
  return type === 'Topology' && typeof objects?.countries === 'object';
}

export async function loadWorld(): Promise<World> {
  const response = await fetch(worldUrl);
  if (!response.ok) throw new Error(`World map data: HTTP ${response.status}`);
  const topology: unknown = await response.json();
  if (!isCountriesTopology(topology)) throw new Error('World map data: not a countries topology');
  const all = feature(topology, topology.objects.countries);
  return {
    countries: { type: 'FeatureCollection', features: all.features },
    borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
  };
}
