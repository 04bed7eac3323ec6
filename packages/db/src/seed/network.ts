// Seeds the real network (regions, countries, creative fields, cities) and the lists proposals
// cite (SDGs and their targets, themes) from data/, idempotently.
import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../client';
import { dataFolder } from '../data-folder';
import { cities, countries, creativeFields, regions } from '../schema/network';
import { sdgs, sdgTargets, themes } from '../schema/proposals';
import { readNetworkData } from './network-data';
import { readProposalData } from './proposal-data';

export interface SeedNetworkOptions {
  /** Called once per table with what changed; wire it to the caller's logger. */
  onProgress?: (message: string) => void;
  /** Where the CSV files are. Change it only when a bundle ships `data/` somewhere else. */
  folder?: string;
}

export interface SeedNetworkResult {
  /** Rows in the data files, per table. */
  regions: number;
  countries: number;
  fields: number;
  cities: number;
  sdgs: number;
  sdgTargets: number;
  themes: number;
  /** Rows that did not exist yet, all tables together. */
  inserted: number;
  /** Existing rows whose values differed from the files, all tables together. */
  updated: number;
}

/** Rows per INSERT: well under Postgres' 65,535 parameters with the widest table (9 columns). */
const BATCH_SIZE = 100;

// The schema names columns in camelCase and the client maps them to snake_case; raw SQL
// about `excluded` must use the database names.
const casing = new CasingCache('snake_case');

type UpdateSet<T extends PgTable> = { [K in keyof T['$inferInsert']]?: SQL };

/**
 * The ON CONFLICT clause that copies the proposed values, but only where one of them differs:
 * an unchanged row is neither rewritten nor returned, so it is not counted as updated.
 */
function updateWhenChanged<T extends PgTable>(
  table: T,
  keys: readonly (keyof T['$inferInsert'] & keyof T['_']['columns'] & string)[],
) {
  const columns = getTableColumns(table);
  const names = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column "${key}"`);
    return sql.identifier(casing.getColumnCasing(column));
  });
  const current = names.map((name) => sql`${sql.identifier(getTableName(table))}.${name}`);
  const proposed = names.map((name) => sql`excluded.${name}`);
  const set = Object.fromEntries(keys.map((key, i) => [key, proposed[i]])) as UpdateSet<T>;
  const setWhere = sql`(${sql.join(current, sql`, `)}) is distinct from (${sql.join(proposed, sql`, `)})`;
  return { set, setWhere };
}

// Postgres leaves xmax at 0 on a freshly inserted row version and sets it when ON CONFLICT
// updated an existing row: the one way to tell the two apart from RETURNING.
const wasInserted = sql<boolean>`xmax = 0`;

interface Change {
  inserted: number;
  updated: number;
}

async function inBatches<R>(
  rows: readonly R[],
  write: (batch: R[]) => Promise<{ inserted: boolean }[]>,
): Promise<Change> {
  const change = { inserted: 0, updated: 0 };
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    for (const row of await write(rows.slice(start, start + BATCH_SIZE))) {
      if (row.inserted) change.inserted++;
      else change.updated++;
    }
  }
  return change;
}

/** The id for a slug that validation already proved to exist. */
function idOf(ids: ReadonlyMap<string, number>, slug: string, table: string): number {
  const id = ids.get(slug);
  if (id === undefined) throw new Error(`seedNetwork: no ${table} row for "${slug}" after upsert`);
  return id;
}

/**
 * Upserts the network's reference data from the CSV files in `data/`, in one transaction.
 * Every file is validated before anything is written, so a bad row (`SeedDataError`) leaves
 * the database untouched. Running it again changes nothing and reports `inserted: 0`.
 * Rows that the files no longer list are kept: activity and invitations refer to cities.
 * @example const result = await seedNetwork(handle.db, { onProgress: (m) => log.info(m) });
 */
export async function seedNetwork(
  db: Database,
  options: SeedNetworkOptions = {},
): Promise<SeedNetworkResult> {
  const data = await readNetworkData(options.folder ?? dataFolder);
  const reference = await readProposalData(options.folder ?? dataFolder);
  const total: Change = { inserted: 0, updated: 0 };
  const report = (table: string, rows: number, change: Change) => {
    total.inserted += change.inserted;
    total.updated += change.updated;
    options.onProgress?.(
      `${table}: ${rows} rows, ${change.inserted} inserted, ${change.updated} updated`,
    );
  };

  await db.transaction(async (tx) => {
    const regionChange = await inBatches(data.regions, (batch) =>
      tx
        .insert(regions)
        .values(batch)
        .onConflictDoUpdate({
          target: regions.slug,
          ...updateWhenChanged(regions, ['name', 'nameFr']),
        })
        .returning({ inserted: wasInserted }),
    );
    report('regions', data.regions.length, regionChange);
    const regionIds = new Map(
      (await tx.select({ id: regions.id, slug: regions.slug }).from(regions)).map((r) => [
        r.slug,
        r.id,
      ]),
    );

    const countryRows = data.countries.map(({ iso2, name, regionSlug }) => ({
      iso2,
      name,
      regionId: idOf(regionIds, regionSlug, 'regions'),
    }));
    const countryChange = await inBatches(countryRows, (batch) =>
      tx
        .insert(countries)
        .values(batch)
        .onConflictDoUpdate({
          target: countries.iso2,
          ...updateWhenChanged(countries, ['name', 'regionId']),
        })
        .returning({ inserted: wasInserted }),
    );
    report('countries', countryRows.length, countryChange);

    const fieldChange = await inBatches(data.fields, (batch) =>
      tx
        .insert(creativeFields)
        .values(batch)
        .onConflictDoUpdate({
          target: creativeFields.slug,
          ...updateWhenChanged(creativeFields, ['name', 'nameFr', 'position']),
        })
        .returning({ inserted: wasInserted }),
    );
    report('creative_fields', data.fields.length, fieldChange);
    const fieldIds = new Map(
      (
        await tx.select({ id: creativeFields.id, slug: creativeFields.slug }).from(creativeFields)
      ).map((f) => [f.slug, f.id]),
    );

    const cityRows = data.cities.map(({ fieldSlug, ...city }) => ({
      ...city,
      fieldId: idOf(fieldIds, fieldSlug, 'creative_fields'),
    }));
    const cityChange = await inBatches(cityRows, (batch) =>
      tx
        .insert(cities)
        .values(batch)
        .onConflictDoUpdate({
          target: cities.slug,
          ...updateWhenChanged(cities, [
            'name',
            'countryIso2',
            'fieldId',
            'designationYear',
            'lat',
            'lon',
            'coordSource',
            'unescoUrl',
          ]),
        })
        .returning({ inserted: wasInserted }),
    );
    report('cities', cityRows.length, cityChange);

    const sdgChange = await inBatches(reference.sdgs, (batch) =>
      tx
        .insert(sdgs)
        .values(batch)
        .onConflictDoUpdate({ target: sdgs.number, ...updateWhenChanged(sdgs, ['name', 'nameFr']) })
        .returning({ inserted: wasInserted }),
    );
    report('sdgs', reference.sdgs.length, sdgChange);
    const targetChange = await inBatches(reference.sdgTargets, (batch) =>
      tx
        .insert(sdgTargets)
        .values(batch)
        .onConflictDoUpdate({
          target: sdgTargets.code,
          ...updateWhenChanged(sdgTargets, ['goal', 'text', 'position']),
        })
        .returning({ inserted: wasInserted }),
    );
    report('sdg_targets', reference.sdgTargets.length, targetChange);
    const themeChange = await inBatches(reference.themes, (batch) =>
      tx
        .insert(themes)
        .values(batch)
        .onConflictDoUpdate({
          target: themes.slug,
          ...updateWhenChanged(themes, ['name', 'nameFr', 'position']),
        })
        .returning({ inserted: wasInserted }),
    );
    report('themes', reference.themes.length, themeChange);
  });

  return {
    regions: data.regions.length,
    countries: data.countries.length,
    fields: data.fields.length,
    cities: data.cities.length,
    sdgs: reference.sdgs.length,
    sdgTargets: reference.sdgTargets.length,
    themes: reference.themes.length,
    ...total,
  };
}
