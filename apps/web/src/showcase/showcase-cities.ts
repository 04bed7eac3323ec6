// The showcase's cities as the world map takes them: each city once, whatever it takes part in.
import type { City } from '../api/types';
import type { PlacedCity } from '../initiatives/types';

/**
 * Every distinct city of the items, in the map's `City` shape.
 *
 * @example showcaseCities([{ leadCity: lyon, partners: [lyon, turin] }]).length // 2
 */
export function showcaseCities(items: { leadCity: PlacedCity; partners: PlacedCity[] }[]): City[] {
  const seen = new Map<string, City>();
  for (const item of items) {
    for (const city of [item.leadCity, ...item.partners]) {
      if (seen.has(city.slug)) continue;
      seen.set(city.slug, {
        id: seen.size + 1,
        slug: city.slug,
        name: city.name,
        country: city.country.name,
        iso2: city.country.iso2,
        region: city.region.name,
        regionSlug: city.region.slug,
        field: city.field.name,
        fieldSlug: city.field.slug,
        year: city.designationYear,
        lat: city.lat,
        lon: city.lon,
      });
    }
  }
  return [...seen.values()];
}

/** Whether a city leads or partners in the item. */
export function involves(
  item: { leadCity: PlacedCity; partners: PlacedCity[] },
  slug: string,
): boolean {
  return item.leadCity.slug === slug || item.partners.some((p) => p.slug === slug);
}

/** The API path for the filters; only what is set. */
export function showcaseApiPath(filters: { field: string; region: string }): string {
  const search = new URLSearchParams();
  if (filters.field) search.set('field', filters.field);
  if (filters.region) search.set('region', filters.region);
  const query = search.toString();
  return query ? `/api/public/showcase?${query}` : '/api/public/showcase';
}
