import { describe, expect, it } from 'vitest';
import {
  currencyCodes,
  detailsFromForm,
  formFromProposal,
  newDetailsForm,
  validateDetails,
} from './details';
import type { Proposal } from './types';

describe('proposal details form', () => {
  it("starts with the lead city's field, SDG 11 and euros", () => {
    expect(newDetailsForm('music')).toMatchObject({
      fields: ['music'],
      sdgs: ['11'],
      currency: 'EUR',
      amount: '',
    });
    expect(newDetailsForm(null).fields).toEqual([]);
  });

  it('says what is missing or wrong', () => {
    const form = newDetailsForm('music');
    expect(validateDetails({ ...form, title: 'Jazz for all' })).toEqual({});
    expect(validateDetails({ ...form, title: '  ', fields: [] })).toEqual({
      title: 'required',
      fields: 'required',
    });
    expect(
      validateDetails({
        ...form,
        title: 'x',
        amount: -5,
        startDate: '2026-05-01',
        endDate: '2026-04-30',
      }),
    ).toEqual({ amount: 'negative', endDate: 'beforeStart' });
  });

  it('sends trimmed text, sorted goals, and nulls for what is not set', () => {
    const form = { ...newDetailsForm('music'), title: ' Jazz ', sdgs: ['11', '4'] };
    expect(detailsFromForm(form)).toEqual({
      title: 'Jazz',
      summary: '',
      fields: ['music'],
      sdgs: [4, 11],
      themes: [],
      budget: null,
      startDate: null,
      endDate: null,
    });
    expect(
      detailsFromForm({ ...form, amount: 0, currency: 'JPY', startDate: '2026-01-01' }),
    ).toMatchObject({ budget: { amount: 0, currency: 'JPY' }, startDate: '2026-01-01' });
  });

  it('fills the form from a proposal', () => {
    const proposal = {
      title: 'Crafts',
      summary: 'Together',
      fields: [{ slug: 'crafts-and-folk-art', name: '', nameFr: '' }],
      sdgs: [{ number: 11, name: '', nameFr: '' }],
      themes: [{ slug: 'education', name: '', nameFr: '' }],
      budget: { amount: 5000, currency: 'USD' },
      startDate: '2026-01-01',
      endDate: null,
    } as Proposal;
    expect(formFromProposal(proposal)).toEqual({
      title: 'Crafts',
      summary: 'Together',
      fields: ['crafts-and-folk-art'],
      sdgs: ['11'],
      themes: ['education'],
      amount: 5000,
      currency: 'USD',
      startDate: '2026-01-01',
      endDate: '',
    });
  });

  it('offers the common currencies first, once each', () => {
    const codes = currencyCodes();
    expect(codes.slice(0, 2)).toEqual(['EUR', 'USD']);
    expect(codes.filter((code) => code === 'EUR')).toHaveLength(1);
  });
});
