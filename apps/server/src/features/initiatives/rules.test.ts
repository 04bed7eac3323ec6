import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  assertDecision,
  assertKeepsDimension,
  canCreate,
  canEdit,
  dimension,
  type InitiativeFacts,
  isSafeLink,
} from './rules';

const secretariat = { role: 'secretariat' as const, cityId: null };
const bologna = { role: 'member' as const, cityId: 1 };
const kanazawa = { role: 'focal_point' as const, cityId: 2 };

const alone: InitiativeFacts = {
  leadCityId: 1,
  support: 'none',
  cities: [{ cityId: 1, countryIso2: 'IT' }],
};
const sameCountry: InitiativeFacts = {
  ...alone,
  cities: [
    { cityId: 1, countryIso2: 'IT' },
    { cityId: 3, countryIso2: 'IT' },
  ],
};
const abroad: InitiativeFacts = {
  ...alone,
  cities: [
    { cityId: 1, countryIso2: 'IT' },
    { cityId: 2, countryIso2: 'JP' },
  ],
};

const codeOf = (run: () => void) => {
  try {
    run();
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('initiative rules', () => {
  it('lets people of a city create, and the lead city edit', () => {
    expect(canCreate(bologna)).toBe(true);
    expect(canCreate(secretariat)).toBe(false);
    expect(canEdit(bologna, alone)).toBe(true);
    expect(canEdit(kanazawa, abroad)).toBe(false);
    expect(canEdit(secretariat, alone)).toBe(false);
  });

  it('flags the inter-city and international dimension', () => {
    expect(dimension(alone.cities)).toEqual({ interCity: false, international: false });
    expect(dimension(sameCountry.cities)).toEqual({ interCity: true, international: false });
    expect(dimension(abroad.cities)).toEqual({ interCity: true, international: true });
  });

  it('grants support only with a dimension, a note, by the Secretariat', () => {
    expect(codeOf(() => assertDecision(bologna, abroad, 'supported', 'yes'))).toBe('forbidden');
    expect(codeOf(() => assertDecision(secretariat, alone, 'supported', 'yes'))).toBe(
      'no_cooperation_dimension',
    );
    expect(codeOf(() => assertDecision(secretariat, abroad, 'supported', '  '))).toBe(
      'note_required',
    );
    expect(codeOf(() => assertDecision(secretariat, sameCountry, 'supported', 'yes'))).toBe('ok');
    expect(codeOf(() => assertDecision(secretariat, abroad, 'supported', 'yes'))).toBe('ok');
  });

  it('withdraws only granted support, with a note; support may be granted again', () => {
    const supported = { ...abroad, support: 'supported' as const };
    expect(codeOf(() => assertDecision(secretariat, abroad, 'withdrawn', 'x'))).toBe(
      'invalid_transition',
    );
    expect(codeOf(() => assertDecision(secretariat, supported, 'supported', 'x'))).toBe(
      'invalid_transition',
    );
    expect(codeOf(() => assertDecision(secretariat, supported, 'withdrawn', ''))).toBe(
      'note_required',
    );
    expect(codeOf(() => assertDecision(secretariat, supported, 'withdrawn', 'ended'))).toBe('ok');
    const withdrawn = { ...abroad, support: 'withdrawn' as const };
    expect(codeOf(() => assertDecision(secretariat, withdrawn, 'supported', 'again'))).toBe('ok');
  });

  it('keeps a supported initiative from losing its dimension', () => {
    expect(codeOf(() => assertKeepsDimension('supported', alone.cities))).toBe(
      'no_cooperation_dimension',
    );
    expect(codeOf(() => assertKeepsDimension('withdrawn', alone.cities))).toBe('ok');
  });

  it('offers the actions that will work', () => {
    expect(allowedActions(secretariat, abroad)).toEqual({
      edit: false,
      support: true,
      withdraw: false,
    });
    expect(allowedActions(secretariat, alone).support).toBe(false);
    expect(allowedActions(bologna, abroad)).toEqual({
      edit: true,
      support: false,
      withdraw: false,
    });
  });

  it('accepts http and https links only', () => {
    expect(isSafeLink('https://en.unesco.org/creative-cities')).toBe(true);
    expect(isSafeLink('http://example.org/a?b=c')).toBe(true);
    expect(isSafeLink('javascript:alert(1)')).toBe(false);
    expect(isSafeLink('ftp://example.org')).toBe(false);
    expect(isSafeLink('not a url')).toBe(false);
  });
});
