// Loads the cities and people that proposals, initiatives, the showcase and monitoring show,
// in one query for many ids.
import { type Database, schema } from '@uccn/db';
import { eq, inArray } from 'drizzle-orm';
import type { CityRef } from './initiatives/types';

const { cities, countries, regions, creativeFields, users } = schema;

export interface LoadedCity {
  id: number;
  ref: CityRef;
  fieldId: number;
  regionId: number;
  countryIso2: string;
}

/** The cities with the given ids (all cities when `ids` is omitted), by id. */
export async function loadCityRefs(
  db: Pick<Database, 'select'>,
  ids?: readonly number[],
): Promise<Map<number, LoadedCity>> {
  const unique = ids === undefined ? undefined : [...new Set(ids)];
  if (unique?.length === 0) return new Map();
  const rows = await db
    .select({ city: cities, country: countries, region: regions, field: creativeFields })
    .from(cities)
    .innerJoin(countries, eq(countries.iso2, cities.countryIso2))
    .innerJoin(regions, eq(regions.id, countries.regionId))
    .innerJoin(creativeFields, eq(creativeFields.id, cities.fieldId))
    .where(unique ? inArray(cities.id, unique) : undefined);
  return new Map(
    rows.map(({ city, country, region, field }) => [
      city.id,
      {
        id: city.id,
        fieldId: field.id,
        regionId: region.id,
        countryIso2: country.iso2,
        ref: {
          slug: city.slug,
          name: city.name,
          country: { iso2: country.iso2, name: country.name },
          region: { slug: region.slug, name: region.name, nameFr: region.nameFr },
          field: { slug: field.slug, name: field.name, nameFr: field.nameFr },
          designationYear: city.designationYear,
          lat: city.lat,
          lon: city.lon,
        },
      },
    ]),
  );
}

/** The names of the users with the given ids (nulls skipped), by id. */
export async function loadUserNames(
  db: Pick<Database, 'select'>,
  ids: readonly (string | null)[],
): Promise<Map<string, { id: string; name: string }>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows = unique.length
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, unique))
    : [];
  return new Map(rows.map((row) => [row.id, row]));
}
