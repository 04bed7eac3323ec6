// Relative dates in English and French.
import { describe, expect, it } from 'vitest';
import { timeAgo } from './format';

const now = new Date('2025-05-01T12:00:00Z');
const before = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('timeAgo', () => {
  it('says now for the last few seconds', () => {
    expect(timeAgo(before(10), now, 'en')).toBe('now');
    expect(timeAgo(before(10), now, 'fr')).toBe('maintenant');
  });

  it('counts minutes, hours and days', () => {
    expect(timeAgo(before(5 * 60), now, 'en')).toBe('5 minutes ago');
    expect(timeAgo(before(3 * 3600), now, 'fr')).toBe('il y a 3 heures');
    expect(timeAgo(before(86_400), now, 'en')).toBe('yesterday');
  });

  it('gives the date after a week', () => {
    expect(timeAgo(before(30 * 86_400), now, 'en')).toMatch(/2025/);
  });
});
