import { describe, expect, it } from 'vitest';
import type { PlacedCity } from '../initiatives/types';
import { involves, showcaseApiPath, showcaseCities } from './showcase-cities';

const city = (slug: string, iso2: string): PlacedCity => ({
  slug,
  name: slug,
  country: { iso2, name: iso2 },
  region: { slug: 'europe', name: 'Europe', nameFr: 'Europe' },
  field: { slug: 'music', name: 'Music', nameFr: 'Musique' },
  designationYear: 2010,
  lat: 1,
  lon: 2,
});

describe('showcaseCities', () => {
  it('lists each city once, in the map shape', () => {
    const cities = showcaseCities([
      { leadCity: city('lyon', 'FR'), partners: [city('turin', 'IT')] },
      { leadCity: city('turin', 'IT'), partners: [city('lyon', 'FR')] },
    ]);
    expect(cities.map((c) => c.slug)).toEqual(['lyon', 'turin']);
    expect(cities[0]).toMatchObject({ iso2: 'FR', fieldSlug: 'music', regionSlug: 'europe' });
  });

  it('knows which items a city takes part in', () => {
    const item = { leadCity: city('lyon', 'FR'), partners: [city('turin', 'IT')] };
    expect(involves(item, 'turin')).toBe(true);
    expect(involves(item, 'graz')).toBe(false);
  });

  it('builds the API path', () => {
    expect(showcaseApiPath({ field: '', region: '' })).toBe('/api/public/showcase');
    expect(showcaseApiPath({ field: 'film', region: 'africa' })).toBe(
      '/api/public/showcase?field=film&region=africa',
    );
  });
});
