import { describe, expect, it } from 'vitest';
import { formatBudget, formatDay, timeline } from './format';

describe('formatBudget', () => {
  it('shows the currency, without cents for a whole amount', () => {
    expect(formatBudget({ amount: 120000, currency: 'EUR' }, 'en')).toBe('€120,000');
    expect(formatBudget({ amount: 99.5, currency: 'USD' }, 'en')).toBe('$99.50');
  });

  it('writes French amounts the French way', () => {
    expect(formatBudget({ amount: 120000, currency: 'EUR' }, 'fr').replace(/\s/g, ' ')).toBe(
      '120 000 €',
    );
  });
});

describe('timeline', () => {
  it('shows both dates, or the one that is known', () => {
    expect(timeline('2026-03-01', '2026-12-31', 'en')).toBe('Mar 1, 2026 – Dec 31, 2026');
    expect(timeline('2026-03-01', null, 'en')).toBe('Mar 1, 2026 →');
    expect(timeline(null, '2026-12-31', 'en')).toBe('→ Dec 31, 2026');
    expect(timeline(null, null, 'en')).toBeNull();
  });

  it('keeps the calendar day whatever the time zone', () => {
    expect(formatDay('2026-01-01', 'fr')).toBe('1 janv. 2026');
    expect(formatDay('not a date', 'en')).toBe('not a date');
  });
});
