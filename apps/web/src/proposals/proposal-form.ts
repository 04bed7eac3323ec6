// The whole details form of a proposal: the basic details plus its SDG targets and milestones.
import {
  type DetailsErrors,
  type DetailsForm,
  detailsFromForm,
  formFromProposal,
  newDetailsForm,
  validateDetails,
} from './details';
import {
  type Milestone,
  type MilestoneError,
  type MilestoneRow,
  milestoneErrors,
  milestoneRow,
  milestonesFromRows,
  sortMilestones,
} from './milestones';
import { sortTargetCodes, targetsOfGoals } from './sdg-targets';
import type { Proposal, ProposalDetails } from './types';

export interface ProposalForm extends DetailsForm {
  /** Target codes such as `11.4`, each under one of `sdgs`. */
  sdgTargets: string[];
  milestones: MilestoneRow[];
}

export interface ProposalFormErrors extends DetailsErrors {
  /** By milestone row key. */
  milestones?: Record<string, MilestoneError>;
}

/** What create and update send: the details, the targets and the milestones. */
export interface ProposalFormBody extends ProposalDetails {
  sdgTargets: string[];
  milestones: Milestone[];
}

/** A new proposal's form: see `newDetailsForm`; no targets or milestones yet. */
export function newProposalForm(leadFieldSlug: string | null): ProposalForm {
  return { ...newDetailsForm(leadFieldSlug), sdgTargets: [], milestones: [] };
}

/** The form of an existing proposal, milestones in date order. */
export function proposalFormFrom(proposal: Proposal): ProposalForm {
  return {
    ...formFromProposal(proposal),
    sdgTargets: sortTargetCodes(proposal.sdgTargets.map((target) => target.code)),
    milestones: sortMilestones(proposal.milestones).map((m) => milestoneRow(m)),
  };
}

/**
 * Applies a change; choosing fewer goals drops the targets under the goals taken away.
 *
 * @example changeProposalForm(form, { sdgs: ['11'] }) // targets under other goals are gone
 */
export function changeProposalForm(
  form: ProposalForm,
  change: Partial<ProposalForm>,
): ProposalForm {
  const next = { ...form, ...change };
  return change.sdgs ? { ...next, sdgTargets: targetsOfGoals(next.sdgTargets, next.sdgs) } : next;
}

/** What is wrong with the form; empty when it may be sent. */
export function validateProposalForm(form: ProposalForm): ProposalFormErrors {
  const errors: ProposalFormErrors = validateDetails(form);
  const milestones = milestoneErrors(form.milestones);
  if (Object.keys(milestones).length > 0) errors.milestones = milestones;
  return errors;
}

/** The request body: the details, targets in code order and milestones without empty rows. */
export function proposalFormBody(form: ProposalForm): ProposalFormBody {
  return {
    ...detailsFromForm(form),
    sdgTargets: sortTargetCodes(targetsOfGoals(form.sdgTargets, form.sdgs)),
    milestones: milestonesFromRows(form.milestones),
  };
}
