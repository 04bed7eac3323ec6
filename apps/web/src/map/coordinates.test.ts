// Coordinates as the city page writes them.
import { describe, expect, it } from 'vitest';
import { formatCoordinates } from './coordinates';

describe('formatCoordinates', () => {
  it('writes the hemisphere letters and two decimals', () => {
    expect(formatCoordinates(36.5613, 136.6562, 'en')).toBe('36.56° N, 136.66° E');
    expect(formatCoordinates(-34.9285, -58.3816, 'en')).toBe('34.93° S, 58.38° W');
  });

  it('uses French decimals and "O" for west in French', () => {
    expect(formatCoordinates(45.5017, -73.5673, 'fr')).toBe('45,50° N, 73,57° O');
  });
});
