import type { PartnerStatus, ProposalStatus } from '@uccn/db';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import {
  type Actor,
  allowedActions,
  assertTransition,
  canAnswer,
  canEditDetails,
  canHandOver,
  canInvite,
  canLeave,
  canSee,
  documentAccessPlan,
  networkFlags,
  type ProposalFacts,
} from './workflow';

const LEAD = 1;
const PARTNER = 2;
const INVITED = 3;
const OTHER = 4;
const person = (cityId: number, role: Actor['role'] = 'member'): Actor => ({ role, cityId });
const focal = (cityId: number) => person(cityId, 'focal_point');
const secretariat: Actor = { role: 'secretariat', cityId: null };

const facts = (
  status: ProposalStatus,
  partners: [number, PartnerStatus][] = [
    [PARTNER, 'accepted'],
    [INVITED, 'invited'],
  ],
): ProposalFacts => ({
  status,
  leadCityId: LEAD,
  partners: partners.map(([cityId, partnerStatus]) => ({ cityId, status: partnerStatus })),
});

const codeOf = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'ok';
};

describe('assertTransition', () => {
  it.each([
    ['draft', 'submitted', person(LEAD), undefined, 'ok'],
    ['draft', 'submitted', focal(LEAD), undefined, 'ok'],
    ['draft', 'submitted', focal(PARTNER), undefined, 'forbidden'],
    ['draft', 'submitted', secretariat, undefined, 'forbidden'],
    ['draft', 'under_review', secretariat, undefined, 'invalid_transition'],
    ['draft', 'supported', secretariat, 'fine', 'invalid_transition'],
    ['submitted', 'under_review', secretariat, undefined, 'ok'],
    ['submitted', 'under_review', person(LEAD), undefined, 'forbidden'],
    ['under_review', 'supported', secretariat, undefined, 'note_required'],
    ['under_review', 'supported', secretariat, '  ', 'note_required'],
    ['under_review', 'supported', secretariat, 'Strong partnership', 'ok'],
    ['under_review', 'not_supported', secretariat, 'Out of scope', 'ok'],
    ['under_review', 'returned', secretariat, 'Add a budget', 'ok'],
    ['under_review', 'returned', person(LEAD), 'please', 'forbidden'],
    ['returned', 'submitted', person(LEAD), undefined, 'ok'],
    ['returned', 'under_review', secretariat, undefined, 'invalid_transition'],
    ['under_review', 'withdrawn', person(LEAD), undefined, 'ok'],
    ['supported', 'withdrawn', person(LEAD), undefined, 'invalid_transition'],
    ['supported', 'in_progress', person(LEAD), undefined, 'ok'],
    ['supported', 'in_progress', person(PARTNER), undefined, 'forbidden'],
    ['in_progress', 'completed', secretariat, undefined, 'ok'],
    ['completed', 'in_progress', secretariat, undefined, 'invalid_transition'],
    ['withdrawn', 'draft', person(LEAD), undefined, 'invalid_transition'],
  ] as const)('%s → %s by %o (note %s): %s', (from, to, actor, note, expected) => {
    expect(codeOf(() => assertTransition(actor, facts(from), to, note))).toBe(expected);
  });
});

describe('partner rules', () => {
  it('lets any person of the lead city invite, while editable', () => {
    expect(canInvite(person(LEAD), facts('draft'))).toBe(true);
    expect(canInvite(person(LEAD), facts('returned'))).toBe(true);
    expect(canInvite(person(LEAD), facts('submitted'))).toBe(false);
    expect(canInvite(focal(PARTNER), facts('draft'))).toBe(false);
    expect(canInvite(secretariat, facts('draft'))).toBe(false);
  });

  it("lets only the invited city's focal point answer", () => {
    expect(canAnswer(focal(INVITED), facts('draft'), INVITED)).toBe(true);
    expect(canAnswer(person(INVITED), facts('draft'), INVITED)).toBe(false);
    expect(canAnswer(focal(LEAD), facts('draft'), INVITED)).toBe(false);
    expect(canAnswer(focal(PARTNER), facts('draft'), PARTNER)).toBe(false);
    expect(canAnswer(focal(INVITED), facts('withdrawn'), INVITED)).toBe(false);
  });

  it("lets an accepted partner's focal point leave, and the lead's hand over to it", () => {
    expect(canLeave(focal(PARTNER), facts('submitted'), PARTNER)).toBe(true);
    expect(canLeave(person(PARTNER), facts('draft'), PARTNER)).toBe(false);
    expect(canLeave(focal(INVITED), facts('draft'), INVITED)).toBe(false);
    expect(canHandOver(focal(LEAD), facts('draft'), PARTNER)).toBe(true);
    expect(canHandOver(focal(LEAD), facts('draft'), INVITED)).toBe(false);
    expect(canHandOver(person(LEAD), facts('draft'), PARTNER)).toBe(false);
    expect(canHandOver(focal(LEAD), facts('completed'), PARTNER)).toBe(false);
  });
});

describe('visibility and editing', () => {
  it('shows a draft to its cities and the Secretariat, a supported one to everyone', () => {
    expect(canSee(person(OTHER), facts('draft'))).toBe(false);
    expect(canSee(person(INVITED), facts('draft'))).toBe(true);
    expect(canSee(secretariat, facts('submitted'))).toBe(true);
    expect(canSee(person(OTHER), facts('supported'))).toBe(true);
    expect(canSee(person(OTHER), facts('not_supported'))).toBe(false);
    expect(canSee(person(5), facts('draft', [[5, 'declined']]))).toBe(false);
  });

  it('lets writing cities edit details only while draft or returned', () => {
    expect(canEditDetails(person(PARTNER), facts('draft'))).toBe(true);
    expect(canEditDetails(person(INVITED), facts('draft'))).toBe(false);
    expect(canEditDetails(person(LEAD), facts('submitted'))).toBe(false);
    expect(canEditDetails(secretariat, facts('returned'))).toBe(false);
  });

  it('lists the actions the UI may offer', () => {
    expect(allowedActions(person(LEAD), facts('draft'))).toEqual({
      editDetails: true,
      editPublicSummary: false,
      invite: true,
      answer: false,
      leave: false,
      handOver: false,
      transitions: ['submitted', 'withdrawn'],
    });
    expect(allowedActions(secretariat, facts('under_review')).transitions).toEqual([
      'supported',
      'not_supported',
      'returned',
    ]);
    expect(allowedActions(focal(INVITED), facts('draft')).answer).toBe(true);
  });
});

describe('documentAccessPlan', () => {
  it('lets accepted partners write while editable, invited ones read, the others nothing', () => {
    const partners: [number, PartnerStatus][] = [
      [PARTNER, 'accepted'],
      [INVITED, 'invited'],
      [5, 'declined'],
      [6, 'left'],
    ];
    expect(documentAccessPlan(facts('draft', partners))).toEqual({
      ownerCityId: LEAD,
      locked: false,
      cities: [
        { cityId: PARTNER, access: 'write' },
        { cityId: INVITED, access: 'read' },
      ],
    });
    expect(documentAccessPlan(facts('submitted', partners))).toMatchObject({
      locked: true,
      cities: [
        { cityId: PARTNER, access: 'read' },
        { cityId: INVITED, access: 'read' },
      ],
    });
  });
});

describe('networkFlags', () => {
  it('marks more than one country international and more than one field cross-field', () => {
    expect(networkFlags([{ countryIso2: 'IT', fieldId: 1 }])).toEqual({
      international: false,
      crossField: false,
    });
    expect(
      networkFlags([
        { countryIso2: 'IT', fieldId: 1 },
        { countryIso2: 'JP', fieldId: 1 },
      ]),
    ).toEqual({ international: true, crossField: false });
    expect(
      networkFlags([
        { countryIso2: 'IT', fieldId: 1 },
        { countryIso2: 'IT', fieldId: 2 },
      ]),
    ).toEqual({ international: false, crossField: true });
  });
});
