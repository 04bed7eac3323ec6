import { describe, expect, it } from 'vitest';
import {
  changeProposalForm,
  newProposalForm,
  proposalFormBody,
  proposalFormFrom,
  validateProposalForm,
} from './proposal-form';
import type { Proposal } from './types';

describe('proposal form', () => {
  it('starts without targets or milestones', () => {
    expect(newProposalForm('music')).toMatchObject({
      sdgs: ['11'],
      sdgTargets: [],
      milestones: [],
    });
  });

  it('drops the targets of a goal taken away', () => {
    const form = { ...newProposalForm('music'), sdgs: ['4', '11'], sdgTargets: ['4.7', '11.4'] };
    expect(changeProposalForm(form, { sdgs: ['11'] }).sdgTargets).toEqual(['11.4']);
    expect(changeProposalForm(form, { title: 'Jazz' }).sdgTargets).toEqual(['4.7', '11.4']);
  });

  it('refuses a half-filled milestone', () => {
    const form = newProposalForm('music');
    const errors = validateProposalForm({
      ...form,
      title: 'Jazz',
      milestones: [{ key: 'a', label: 'Kick-off', date: '' }],
    });
    expect(errors).toEqual({ milestones: { a: { date: 'required' } } });
    expect(validateProposalForm({ ...form, title: 'Jazz' })).toEqual({});
  });

  it('sends targets in code order and the filled milestones', () => {
    const body = proposalFormBody({
      ...newProposalForm('music'),
      title: 'Jazz',
      sdgs: ['11', '4'],
      sdgTargets: ['11.4', '4.7'],
      milestones: [
        { key: 'a', label: 'Festival', date: '2027-09-01' },
        { key: 'b', label: '', date: '' },
      ],
    });
    expect(body).toMatchObject({
      sdgs: [4, 11],
      sdgTargets: ['4.7', '11.4'],
      milestones: [{ label: 'Festival', date: '2027-09-01' }],
    });
  });

  it('fills the form from a proposal, milestones in date order', () => {
    const proposal = {
      title: 'Crafts',
      summary: '',
      fields: [],
      sdgs: [{ number: 11, name: '', nameFr: '' }],
      sdgTargets: [
        { code: '11.a', goal: 11, text: '' },
        { code: '11.4', goal: 11, text: '' },
      ],
      themes: [],
      budget: null,
      startDate: null,
      endDate: null,
      milestones: [
        { label: 'Festival', date: '2027-09-01' },
        { label: 'Kick-off', date: '2027-03-15' },
      ],
    } as unknown as Proposal;
    const form = proposalFormFrom(proposal);
    expect(form.sdgTargets).toEqual(['11.4', '11.a']);
    expect(form.milestones.map((m) => m.label)).toEqual(['Kick-off', 'Festival']);
  });
});
