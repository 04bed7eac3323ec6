// Field colours: one per known field, a neutral one for a field added later.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELD_COLOR, FIELD_COLORS, fieldColor, fieldCssColor } from './colors';

describe('fieldColor', () => {
  it('gives each of the seven fields its own colour', () => {
    const slugs = [
      'crafts-and-folk-art',
      'design',
      'film',
      'gastronomy',
      'literature',
      'media-arts',
      'music',
    ];
    const colors = slugs.map(fieldColor);
    expect(new Set(colors).size).toBe(slugs.length);
    expect(colors).not.toContain(DEFAULT_FIELD_COLOR);
    expect(Object.keys(FIELD_COLORS).sort()).toEqual(slugs);
  });

  it('uses the neutral colour for an unknown field', () => {
    expect(fieldColor('architecture')).toBe(DEFAULT_FIELD_COLOR);
    expect(fieldColor('toString')).toBe(DEFAULT_FIELD_COLOR);
  });

  it('gives SVG fills as theme variables', () => {
    expect(fieldCssColor('film')).toBe('var(--mantine-color-red-6)');
    expect(fieldCssColor('architecture', 4)).toBe('var(--mantine-color-gray-4)');
  });
});
