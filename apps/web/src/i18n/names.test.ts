// Localized names: French field and region names, and country names from Intl.
import { describe, expect, it } from 'vitest';
import { countryName, localizedName } from './names';

describe('localizedName', () => {
  const music = { name: 'Music', nameFr: 'Musique' };

  it('uses the French name in French and the English one otherwise', () => {
    expect(localizedName(music, 'fr')).toBe('Musique');
    expect(localizedName(music, 'en')).toBe('Music');
  });

  it('falls back to English when the French name is missing', () => {
    expect(localizedName({ name: 'Architecture', nameFr: '' }, 'fr')).toBe('Architecture');
  });
});

describe('countryName', () => {
  it('names a country in the requested language', () => {
    expect(countryName('JP', 'fr', 'Japan')).toBe('Japon');
    expect(countryName('it', 'en', 'Italy')).toBe('Italy');
  });

  it('falls back to the given name for a code it does not know', () => {
    expect(countryName('AA', 'fr', 'Nowhere')).toBe('Nowhere');
    expect(countryName('not a code', 'en', 'Nowhere')).toBe('Nowhere');
  });
});
