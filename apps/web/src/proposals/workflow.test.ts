import { describe, expect, it } from 'vitest';
import type { Partner, ProposalCity } from './types';
import {
  cityRole,
  groupPartners,
  invitableCities,
  mapCities,
  readOnlyReason,
  workflowButtons,
} from './workflow';

const city = (slug: string, lat: number | null = 10): ProposalCity => ({
  slug,
  name: slug[0]?.toUpperCase() + slug.slice(1),
  country: { iso2: 'IT', name: 'Italy' },
  region: { slug: 'europe', name: 'Europe' },
  field: { slug: 'music', name: 'Music', nameFr: 'Musique' },
  lat,
  lon: lat,
});
const partner = (slug: string, status: Partner['status']): Partner => ({
  city: city(slug),
  status,
  invitedBy: null,
  invitedAt: '2026-01-01T00:00:00Z',
  respondedBy: null,
  respondedAt: null,
});
const proposal = {
  leadCity: city('bologna'),
  partners: [
    partner('kanazawa', 'accepted'),
    partner('dakar', 'invited'),
    partner('popayan', 'declined'),
    partner('montreal', 'left'),
  ],
};

describe('workflowButtons', () => {
  it('orders the moves, the usual next step first and withdrawing last', () => {
    const buttons = workflowButtons(['withdrawn', 'submitted']);
    expect(buttons.map((b) => b.to)).toEqual(['submitted', 'withdrawn']);
    expect(buttons[0]).toMatchObject({ variant: 'filled', asksNote: false });
    expect(buttons[1]).toMatchObject({ color: 'red', asksNote: true, noteRequired: false });
  });

  it('asks the Secretariat for a note on decisions and returns', () => {
    const buttons = workflowButtons(['not_supported', 'returned', 'supported', 'withdrawn']);
    expect(buttons.map((b) => [b.to, b.noteRequired])).toEqual([
      ['supported', true],
      ['returned', true],
      ['not_supported', true],
      ['withdrawn', false],
    ]);
  });

  it('offers nothing when the server allows nothing', () => {
    expect(workflowButtons([])).toEqual([]);
  });
});

describe('partners', () => {
  it('groups partners by where they stand', () => {
    const groups = groupPartners(proposal.partners);
    expect(groups.accepted.map((p) => p.city.slug)).toEqual(['kanazawa']);
    expect(groups.invited.map((p) => p.city.slug)).toEqual(['dakar']);
    expect(groups.former.map((p) => p.city.slug)).toEqual(['popayan', 'montreal']);
  });

  it("tells the user's city's role", () => {
    expect(cityRole(proposal, 'bologna')).toBe('lead');
    expect(cityRole(proposal, 'dakar')).toBe('invited');
    expect(cityRole(proposal, 'sharjah')).toBeNull();
    expect(cityRole(proposal, null)).toBeNull();
  });

  it('offers to invite only cities that are not in already', () => {
    const cities = ['bologna', 'kanazawa', 'dakar', 'popayan', 'sharjah'].map((slug) => ({ slug }));
    expect(invitableCities(cities, proposal).map((c) => c.slug)).toEqual(['popayan', 'sharjah']);
  });

  it('maps the lead and the cities still in', () => {
    expect(mapCities(proposal).map((c) => [c.id, c.slug, c.fieldSlug])).toEqual([
      [1, 'bologna', 'music'],
      [2, 'kanazawa', 'music'],
      [3, 'dakar', 'music'],
    ]);
  });
});

describe('readOnlyReason', () => {
  it('puts the status first', () => {
    expect(readOnlyReason('submitted', 'lead', false)).toBe('review');
    expect(readOnlyReason('under_review', 'accepted', false)).toBe('review');
    expect(readOnlyReason('supported', 'lead', true)).toBe('decided');
    expect(readOnlyReason('withdrawn', 'lead', false)).toBe('closed');
  });

  it("then the reader's standing, while the cities write", () => {
    expect(readOnlyReason('draft', 'invited', false)).toBe('invited');
    expect(readOnlyReason('returned', null, true)).toBe('secretariat');
    expect(readOnlyReason('draft', null, false)).toBe('reader');
  });
});
