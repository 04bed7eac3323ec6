// The fill script's matcher on small hand-made gazetteers: homonyms, variants, and when it declines.
import { describe, expect, it } from 'vitest';
import {
  distanceKm,
  indexPlaces,
  matchPlace,
  nameVariants,
  normalizePlaceName,
  type Place,
} from './place-match';

let nextId = 1;
const place = (name: string, country: string, population: number, lat = 0, lon = 0): Place => ({
  geonameId: nextId++,
  name,
  altName: '',
  country,
  population,
  lat,
  lon,
});

const matchedName = (city: { name: string; iso2: string }, places: Place[]) => {
  const match = matchPlace(city, indexPlaces(places));
  return match.kind === 'matched' ? match.place.name : match.kind;
};

describe('normalizePlaceName', () => {
  it.each([
    ['Łódź', 'lodz'],
    ['Ðà Lạt', 'da lat'],
    ['Şanlıurfa', 'sanliurfa'],
    ['Huai’an', 'huaian'],
    ["Huai'an", 'huaian'],
    ['Kargopol’', 'kargopol'],
    ['Cluj-Napoca', 'cluj napoca'],
    ['  San Cristóbal de las Casas ', 'san cristobal de las casas'],
  ])('%s → %s', (name, expected) => {
    expect(normalizePlaceName(name)).toBe(expected);
  });
});

describe('nameVariants', () => {
  it('drops "City" around a name and adds the GeoNames spelling', () => {
    expect(nameVariants('Okayama City')).toEqual(['okayama city', 'okayama']);
    expect(nameVariants('Santiago de Cali')).toEqual(['santiago de cali', 'cali']);
    expect(nameVariants('Tukums')).toEqual(['tukums']);
  });
});

describe('matchPlace', () => {
  it('matches on the country as well as the name', () => {
    const places = [place('Granada', 'ES', 234_325, 37.19), place('Granada', 'NI', 89_409, 11.93)];
    const match = matchPlace({ name: 'Granada', iso2: 'NI' }, indexPlaces(places));
    expect(match).toMatchObject({ kind: 'matched', place: { country: 'NI', lat: 11.93 } });
  });

  it('takes the most populous homonym only when it clearly dominates', () => {
    const santaFe = [place('Santa Fe', 'US', 13_037), place('Santa Fe', 'US', 84_099, 35.69)];
    expect(matchPlace({ name: 'Santa Fe', iso2: 'US' }, indexPlaces(santaFe))).toMatchObject({
      place: { population: 84_099 },
    });
    const kansasCity = [place('Kansas City', 'US', 475_378), place('Kansas City', 'US', 151_306)];
    expect(matchPlace({ name: 'Kansas City', iso2: 'US' }, indexPlaces(kansasCity))).toMatchObject({
      kind: 'ambiguous',
      candidates: [{ population: 475_378 }, { population: 151_306 }],
    });
  });

  it('weighs a known variant against a homonym of the short name', () => {
    const places = [place('Querétaro', 'MX', 2_203), place('Santiago de Querétaro', 'MX', 626_495)];
    expect(matchedName({ name: 'Querétaro', iso2: 'MX' }, places)).toBe('Santiago de Querétaro');
  });

  it('finds Macao, which UNESCO lists under China, under its own code', () => {
    expect(matchedName({ name: 'Macao', iso2: 'CN' }, [place('Macau', 'MO', 520_400)])).toBe(
      'Macau',
    );
  });

  it('declines a name it does not know in that country', () => {
    expect(matchedName({ name: 'Perth', iso2: 'GB' }, [place('Perth', 'AU', 1_896_548)])).toBe(
      'none',
    );
    expect(matchedName({ name: 'Vicente Lopez', iso2: 'AR' }, [place('Olivos', 'AR', 0)])).toBe(
      'none',
    );
  });
});

describe('distanceKm', () => {
  it('measures great-circle distance', () => {
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.19, 1);
    expect(distanceKm({ lat: 51.5, lon: -0.12 }, { lat: 51.5, lon: -0.12 })).toBe(0);
  });
});
