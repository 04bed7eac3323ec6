// Reads and validates the network's CSV files into rows ready to upsert; no database here.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { assertUnique, parseCsv, SeedDataError } from './csv';

/** The files the seeder reads, by role. `cities_seed.csv` is written by fill-coordinates. */
export const NETWORK_FILES = {
  regions: 'regions.csv',
  fields: 'creative-fields.csv',
  countries: 'country_regions.csv',
  cities: 'cities_seed.csv',
} as const;

export type NetworkFileRole = keyof typeof NETWORK_FILES;

const text = z.string().trim().min(1, 'must not be empty');
const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug like "media-arts"');
const iso2 = z.string().regex(/^[A-Z]{2}$/, 'must be an upper-case ISO 3166-1 alpha-2 code');
const emptyAsNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** An optional number within bounds; an empty cell means unknown. */
const optionalNumber = (min: number, max: number, integer = false) =>
  z.string().transform((raw, ctx) => {
    const value = emptyAsNull(raw);
    if (value === null) return null;
    const number = Number(value);
    if (
      !Number.isFinite(number) ||
      number < min ||
      number > max ||
      (integer && !Number.isInteger(number))
    ) {
      const kind = integer ? 'a whole number' : 'a number';
      ctx.addIssue({ code: 'custom', message: `"${value}" is not ${kind} from ${min} to ${max}` });
      return z.NEVER;
    }
    return number;
  });

const regionRow = z.object({ slug, name: text, name_fr: text });

const fieldRow = z.object({
  slug,
  name: text,
  name_fr: text,
  position: optionalNumber(0, 32_767, true).pipe(z.number({ error: 'must not be empty' })),
});

const countryRow = z.object({
  // The snapshot has one row without a code (a site proposed by Jordan); it is not a country.
  iso2: z.union([z.literal(''), iso2]),
  country: text,
  unesco_region: text,
});

const cityRow = z
  .object({
    slug,
    city: text,
    country: text,
    iso2,
    unesco_region: text,
    field: text,
    year: optionalNumber(1990, 2100, true),
    lat: optionalNumber(-90, 90),
    lon: optionalNumber(-180, 180),
    coord_source: z.string().transform(emptyAsNull),
    unesco_url: z.union([z.literal(''), z.url()]).transform(emptyAsNull),
  })
  .refine((row) => (row.lat === null) === (row.lon === null), {
    message: 'lat and lon must both be given or both be empty',
    path: ['lat'],
  });

export interface RegionData {
  slug: string;
  name: string;
  nameFr: string;
}
export interface FieldData extends RegionData {
  position: number;
}
export interface CountryData {
  iso2: string;
  name: string;
  regionSlug: string;
}
export interface CityData {
  slug: string;
  name: string;
  countryIso2: string;
  fieldSlug: string;
  designationYear: number | null;
  lat: number | null;
  lon: number | null;
  coordSource: string | null;
  unescoUrl: string | null;
}
export interface NetworkData {
  regions: RegionData[];
  fields: FieldData[];
  countries: CountryData[];
  cities: CityData[];
}

/** Looks a name up in a name → slug map, or throws naming the place of the unknown name. */
function lookup(
  names: Map<string, string>,
  name: string,
  file: string,
  line: number,
  column: string,
) {
  const found = names.get(name);
  if (found === undefined) {
    throw new SeedDataError(
      file,
      line,
      column,
      `"${name}" is not one of: ${[...names.keys()].join(', ')}`,
    );
  }
  return found;
}

/**
 * Validates the four files together (names that refer across files, duplicates) and returns
 * the rows to seed. Pure: the texts come in, so tests need no files.
 */
export function parseNetworkData(texts: Record<NetworkFileRole, string>): NetworkData {
  const files = NETWORK_FILES;
  const regions = parseCsv(texts.regions, files.regions, regionRow);
  const fields = parseCsv(texts.fields, files.fields, fieldRow);
  const countries = parseCsv(texts.countries, files.countries, countryRow);
  const cities = parseCsv(texts.cities, files.cities, cityRow);
  assertUnique(files.regions, regions, 'slug', (r) => r.slug);
  assertUnique(files.regions, regions, 'name', (r) => r.name);
  assertUnique(files.fields, fields, 'slug', (r) => r.slug);
  assertUnique(files.fields, fields, 'name', (r) => r.name);
  assertUnique(files.cities, cities, 'slug', (r) => r.slug);

  // The source files name regions and fields in English; rows are keyed by slug.
  const regionSlugs = new Map(regions.map(({ row }) => [row.name, row.slug]));
  const fieldSlugs = new Map(fields.map(({ row }) => [row.name, row.slug]));

  const countryByIso2 = new Map<string, CountryData & { line: number; file: string }>();
  for (const { line, row } of countries) {
    if (row.iso2 === '') continue;
    if (countryByIso2.has(row.iso2)) {
      throw new SeedDataError(files.countries, line, 'iso2', `"${row.iso2}" appears twice`);
    }
    const regionSlug = lookup(
      regionSlugs,
      row.unesco_region,
      files.countries,
      line,
      'unesco_region',
    );
    countryByIso2.set(row.iso2, {
      iso2: row.iso2,
      name: row.country,
      regionSlug,
      line,
      file: files.countries,
    });
  }

  const cityData = cities.map(({ line, row }): CityData => {
    const regionSlug = lookup(regionSlugs, row.unesco_region, files.cities, line, 'unesco_region');
    const known = countryByIso2.get(row.iso2);
    // A city may bring a country the region list lacks, but must not contradict it.
    if (!known) {
      countryByIso2.set(row.iso2, {
        iso2: row.iso2,
        name: row.country,
        regionSlug,
        line,
        file: files.cities,
      });
    } else if (known.name !== row.country || known.regionSlug !== regionSlug) {
      const column = known.name !== row.country ? 'country' : 'unesco_region';
      const said = `"${known.name}" in region "${known.regionSlug}"`;
      throw new SeedDataError(
        files.cities,
        line,
        column,
        `${row.iso2} is ${said} on ${known.file} line ${known.line}`,
      );
    }
    return {
      slug: row.slug,
      name: row.city,
      countryIso2: row.iso2,
      fieldSlug: lookup(fieldSlugs, row.field, files.cities, line, 'field'),
      designationYear: row.year,
      lat: row.lat,
      lon: row.lon,
      coordSource: row.coord_source,
      unescoUrl: row.unesco_url,
    };
  });

  return {
    regions: regions.map(({ row }) => ({ slug: row.slug, name: row.name, nameFr: row.name_fr })),
    fields: fields.map(({ row }) => ({
      slug: row.slug,
      name: row.name,
      nameFr: row.name_fr,
      position: row.position,
    })),
    countries: [...countryByIso2.values()].map(({ iso2, name, regionSlug }) => ({
      iso2,
      name,
      regionSlug,
    })),
    cities: cityData,
  };
}

/** Reads the four files from a folder and validates them. */
export async function readNetworkData(folder: string): Promise<NetworkData> {
  const read = (role: NetworkFileRole) => readFile(path.join(folder, NETWORK_FILES[role]), 'utf8');
  const [regions, fields, countries, cities] = await Promise.all([
    read('regions'),
    read('fields'),
    read('countries'),
    read('cities'),
  ]);
  return parseNetworkData({ regions, fields, countries, cities });
}
