import { describe, expect, it } from 'vitest';
import { grantBlock, validNote } from './support';

describe('grantBlock', () => {
  it('needs an inter-city or international dimension', () => {
    expect(grantBlock({ support: 'none', interCity: false, international: false })).toBe(
      'no_dimension',
    );
    expect(grantBlock({ support: 'none', interCity: true, international: false })).toBeNull();
    expect(grantBlock({ support: 'withdrawn', interCity: true, international: true })).toBeNull();
  });

  it('does not grant twice', () => {
    expect(grantBlock({ support: 'supported', interCity: true, international: true })).toBe(
      'already_supported',
    );
  });

  it('requires a note with words in it', () => {
    expect(validNote('  ')).toBe(false);
    expect(validNote('Three regions')).toBe(true);
  });
});
