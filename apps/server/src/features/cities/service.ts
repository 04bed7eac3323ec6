// Queries over the network's cities and reference data.
import { type Database, schema } from '@uccn/db';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { City, CityFilters } from './schemas';

const { cities, countries, regions, creativeFields, users } = schema;

const citySelection = {
  id: cities.id,
  slug: cities.slug,
  name: cities.name,
  country: countries.name,
  iso2: countries.iso2,
  region: regions.name,
  regionSlug: regions.slug,
  field: creativeFields.name,
  fieldSlug: creativeFields.slug,
  year: cities.designationYear,
  lat: cities.lat,
  lon: cities.lon,
  unescoUrl: cities.unescoUrl,
};

/** Lower case without accents, so that "Popayan" finds "Popayán" and "montreal" "Montréal". */
export function foldForSearch(text: string) {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

function citiesQuery(db: Database) {
  return db
    .select(citySelection)
    .from(cities)
    .innerJoin(countries, eq(countries.iso2, cities.countryIso2))
    .innerJoin(regions, eq(regions.id, countries.regionId))
    .innerJoin(creativeFields, eq(creativeFields.id, cities.fieldId));
}

export class CityDirectory {
  constructor(private readonly db: Database) {}

  /** Cities matching every given filter, by name; an unknown filter value is a 400. */
  async list(filters: CityFilters): Promise<City[]> {
    const conditions: SQL[] = [];
    if (filters.field) {
      const field = await this.findBySlugOrName(creativeFields, filters.field);
      if (!field)
        throw new AppError('validation_failed', `Unknown creative field "${filters.field}".`);
      conditions.push(eq(cities.fieldId, field.id));
    }
    if (filters.region) {
      const region = await this.findBySlugOrName(regions, filters.region);
      if (!region)
        throw new AppError('validation_failed', `Unknown UNESCO region "${filters.region}".`);
      conditions.push(eq(countries.regionId, region.id));
    }
    if (filters.country) {
      const value = filters.country.trim();
      const [country] = await this.db
        .select({ iso2: countries.iso2 })
        .from(countries)
        .where(
          sql`upper(${countries.iso2}) = upper(${value}) or lower(${countries.name}) = lower(${value})`,
        )
        .limit(1);
      if (!country)
        throw new AppError('validation_failed', `Unknown country "${filters.country}".`);
      conditions.push(eq(cities.countryIso2, country.iso2));
    }
    const rows = await citiesQuery(this.db)
      .where(and(...conditions))
      .orderBy(asc(cities.name), asc(countries.name));
    if (!filters.q) return rows;
    const needle = foldForSearch(filters.q);
    return rows.filter(
      (city) =>
        foldForSearch(city.name).includes(needle) || foldForSearch(city.country).includes(needle),
    );
  }

  async get(slug: string) {
    const [city] = await citiesQuery(this.db).where(eq(cities.slug, slug)).limit(1);
    if (!city) throw new AppError('city_not_found', `No member city has the slug "${slug}".`);
    return city;
  }

  async byId(id: number) {
    const [city] = await citiesQuery(this.db).where(eq(cities.id, id)).limit(1);
    return city ?? null;
  }

  async members(cityId: number) {
    return this.db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role })
      .from(users)
      .where(and(eq(users.cityId, cityId), eq(users.disabled, false)))
      .orderBy(asc(users.name));
  }

  async fields() {
    return this.db
      .select({
        id: creativeFields.id,
        slug: creativeFields.slug,
        name: creativeFields.name,
        nameFr: creativeFields.nameFr,
      })
      .from(creativeFields)
      .orderBy(asc(creativeFields.position), asc(creativeFields.name));
  }

  async regions() {
    return this.db
      .select({ slug: regions.slug, name: regions.name, nameFr: regions.nameFr })
      .from(regions)
      .orderBy(asc(regions.name));
  }

  /** Countries that have at least one member city. */
  async countries() {
    return this.db
      .selectDistinct({ iso2: countries.iso2, name: countries.name, regionSlug: regions.slug })
      .from(countries)
      .innerJoin(regions, eq(regions.id, countries.regionId))
      .innerJoin(cities, eq(cities.countryIso2, countries.iso2))
      .orderBy(asc(countries.name));
  }

  private async findBySlugOrName(table: typeof creativeFields | typeof regions, value: string) {
    const [row] = await this.db
      .select({ id: table.id })
      .from(table)
      .where(sql`${table.slug} = lower(${value}) or lower(${table.name}) = lower(${value})`)
      .limit(1);
    return row;
  }
}
