// The rules of a proposal as plain functions: its status machine, who may move it, who may invite,
// answer, leave or hand over the lead, who sees it, and what its document's access list must be.
import type { DocumentAccessLevel, PartnerStatus, ProposalStatus, UserRole } from '@uccn/db';
import { AppError } from '../../errors';

export interface Actor {
  role: UserRole;
  cityId: number | null;
}

export interface ProposalFacts {
  status: ProposalStatus;
  leadCityId: number;
  partners: readonly { cityId: number; status: PartnerStatus }[];
}

/** Who may make a transition: people of the lead city, the Secretariat, or either. */
type Mover = 'lead' | 'secretariat' | 'lead_or_secretariat';

interface TransitionRule {
  by: Mover;
  /** A written note is required (decisions and returns). */
  note: boolean;
}

const lead: TransitionRule = { by: 'lead', note: false };
const decision: TransitionRule = { by: 'secretariat', note: true };

/**
 * The status machine: from → to → rule. Anything not listed is refused with `invalid_transition`.
 * Withdrawing is open to the lead until a decision; once supported, the lead (or the Secretariat)
 * reports the project started and completed.
 */
export const TRANSITIONS: Record<
  ProposalStatus,
  Partial<Record<ProposalStatus, TransitionRule>>
> = {
  draft: { submitted: lead, withdrawn: lead },
  submitted: { under_review: { by: 'secretariat', note: false }, withdrawn: lead },
  under_review: {
    supported: decision,
    not_supported: decision,
    returned: decision,
    withdrawn: lead,
  },
  returned: { submitted: lead, withdrawn: lead },
  supported: { in_progress: { by: 'lead_or_secretariat', note: false } },
  in_progress: { completed: { by: 'lead_or_secretariat', note: false } },
  not_supported: {},
  completed: {},
  withdrawn: {},
};

/** Statuses in which the lead and accepted partners write the document and the details. */
export const EDITABLE_STATUSES: readonly ProposalStatus[] = ['draft', 'returned'];
/** Statuses in which every member city sees the proposal. */
export const PUBLIC_STATUSES: readonly ProposalStatus[] = ['supported', 'in_progress', 'completed'];
/** Statuses after which nothing about the proposal changes any more. */
export const FINAL_STATUSES: readonly ProposalStatus[] = [
  'not_supported',
  'completed',
  'withdrawn',
];
/** Statuses in which an invitation may still be answered. */
const ANSWERABLE_STATUSES: readonly ProposalStatus[] = [
  'draft',
  'submitted',
  'under_review',
  'returned',
];

export const isEditable = (status: ProposalStatus) => EDITABLE_STATUSES.includes(status);

const isSecretariat = (actor: Actor) => actor.role === 'secretariat';
const isLeadPerson = (actor: Actor, facts: ProposalFacts) =>
  actor.cityId !== null && actor.cityId === facts.leadCityId;
const isFocalPointOf = (actor: Actor, cityId: number) =>
  actor.role === 'focal_point' && actor.cityId === cityId;
const partnerStatusOf = (facts: ProposalFacts, cityId: number | null) =>
  cityId === null ? undefined : facts.partners.find((p) => p.cityId === cityId)?.status;

/** The lead city and every invited or accepted partner: the cities a draft is visible to. */
export function involvedCityIds(facts: ProposalFacts): number[] {
  return [
    facts.leadCityId,
    ...facts.partners
      .filter((p) => p.status === 'invited' || p.status === 'accepted')
      .map((p) => p.cityId),
  ];
}

/** The lead city and the accepted partners: the cities that write the proposal. */
export function writingCityIds(facts: ProposalFacts): number[] {
  return [
    facts.leadCityId,
    ...facts.partners.filter((p) => p.status === 'accepted').map((p) => p.cityId),
  ];
}

/** Its cities and the Secretariat always; every member city once it is supported. */
export function canSee(actor: Actor, facts: ProposalFacts) {
  if (isSecretariat(actor) || PUBLIC_STATUSES.includes(facts.status)) return true;
  return actor.cityId !== null && involvedCityIds(facts).includes(actor.cityId);
}

/** Whether the actor is one of the proposal's cities or the Secretariat (sees decision notes). */
export function isInvolved(actor: Actor, facts: ProposalFacts) {
  return (
    isSecretariat(actor) || (actor.cityId !== null && involvedCityIds(facts).includes(actor.cityId))
  );
}

/** Title, summary, fields, SDGs, budget, timeline: people of writing cities, while editable. */
export function canEditDetails(actor: Actor, facts: ProposalFacts) {
  return (
    isEditable(facts.status) &&
    actor.cityId !== null &&
    writingCityIds(facts).includes(actor.cityId)
  );
}

/** The public summary of a supported proposal: the lead city or the Secretariat. */
export function canEditPublicSummary(actor: Actor, facts: ProposalFacts) {
  return (
    PUBLIC_STATUSES.includes(facts.status) && (isSecretariat(actor) || isLeadPerson(actor, facts))
  );
}

/** Any member of the lead city invites partners, while the proposal is editable. */
export function canInvite(actor: Actor, facts: ProposalFacts) {
  return isEditable(facts.status) && isLeadPerson(actor, facts);
}

/** The invited city's focal point accepts or declines, until a decision. */
export function canAnswer(actor: Actor, facts: ProposalFacts, cityId: number) {
  return (
    ANSWERABLE_STATUSES.includes(facts.status) &&
    isFocalPointOf(actor, cityId) &&
    partnerStatusOf(facts, cityId) === 'invited'
  );
}

/** An accepted partner city's focal point takes the city out of a proposal that is not over. */
export function canLeave(actor: Actor, facts: ProposalFacts, cityId: number) {
  return (
    !FINAL_STATUSES.includes(facts.status) &&
    isFocalPointOf(actor, cityId) &&
    partnerStatusOf(facts, cityId) === 'accepted'
  );
}

/** The lead city's focal point hands the lead to an accepted partner (`toCityId` omitted: to any). */
export function canHandOver(actor: Actor, facts: ProposalFacts, toCityId?: number) {
  if (FINAL_STATUSES.includes(facts.status) || !isFocalPointOf(actor, facts.leadCityId)) {
    return false;
  }
  return toCityId === undefined
    ? facts.partners.some((p) => p.status === 'accepted')
    : partnerStatusOf(facts, toCityId) === 'accepted';
}

function mayMove(actor: Actor, facts: ProposalFacts, by: Mover) {
  if (by === 'secretariat') return isSecretariat(actor);
  if (by === 'lead') return isLeadPerson(actor, facts);
  return isSecretariat(actor) || isLeadPerson(actor, facts);
}

/**
 * Throws the error a client should see when the actor may not move the proposal to `to`:
 * `invalid_transition` (409) when the machine has no such step, `forbidden` (403) when the step
 * exists but is not theirs, `note_required` (400) when a decision or return comes without a note.
 */
export function assertTransition(
  actor: Actor,
  facts: ProposalFacts,
  to: ProposalStatus,
  note: string | undefined,
) {
  const rule = TRANSITIONS[facts.status][to];
  if (!rule) {
    throw new AppError(
      'invalid_transition',
      `A proposal that is ${facts.status} cannot become ${to}.`,
      { from: facts.status, to, allowed: Object.keys(TRANSITIONS[facts.status]) },
    );
  }
  if (!mayMove(actor, facts, rule.by)) {
    const who = {
      lead: "the lead city's people",
      secretariat: 'the Secretariat',
      lead_or_secretariat: 'the lead city or the Secretariat',
    }[rule.by];
    throw new AppError(
      'forbidden',
      `Only ${who} may move a proposal from ${facts.status} to ${to}.`,
    );
  }
  if (rule.note && !note?.trim()) {
    throw new AppError('note_required', `Moving a proposal to ${to} needs a written note.`);
  }
}

/** The statuses the actor may move the proposal to now (notes aside). */
export function allowedTransitions(actor: Actor, facts: ProposalFacts): ProposalStatus[] {
  return (Object.entries(TRANSITIONS[facts.status]) as [ProposalStatus, TransitionRule][])
    .filter(([, rule]) => mayMove(actor, facts, rule.by))
    .map(([to]) => to);
}

export interface AllowedActions {
  editDetails: boolean;
  editPublicSummary: boolean;
  invite: boolean;
  /** Accept or decline the invitation of the actor's own city. */
  answer: boolean;
  leave: boolean;
  handOver: boolean;
  transitions: ProposalStatus[];
}

/** What the UI may offer the actor, so it shows only buttons that will work. */
export function allowedActions(actor: Actor, facts: ProposalFacts): AllowedActions {
  const own = actor.cityId ?? -1;
  return {
    editDetails: canEditDetails(actor, facts),
    editPublicSummary: canEditPublicSummary(actor, facts),
    invite: canInvite(actor, facts),
    answer: canAnswer(actor, facts, own),
    leave: canLeave(actor, facts, own),
    handOver: canHandOver(actor, facts),
    transitions: allowedTransitions(actor, facts),
  };
}

/** International: its writing cities are in more than one country; cross-field: more than one field. */
export function networkFlags(cities: readonly { countryIso2: string; fieldId: number }[]) {
  return {
    international: new Set(cities.map((c) => c.countryIso2)).size > 1,
    crossField: new Set(cities.map((c) => c.fieldId)).size > 1,
  };
}

export interface DocumentAccessPlan {
  ownerCityId: number;
  /** Read-only for everyone, the lead included. */
  locked: boolean;
  cities: { cityId: number; access: DocumentAccessLevel }[];
}

/**
 * What the proposal's document access must be, in one place: the lead owns it; accepted partners
 * write while the proposal is editable and read otherwise; invited cities read (to decide);
 * declined and departed cities lose access. The Secretariat reads every document anyway.
 */
export function documentAccessPlan(facts: ProposalFacts): DocumentAccessPlan {
  const editable = isEditable(facts.status);
  return {
    ownerCityId: facts.leadCityId,
    locked: !editable,
    cities: facts.partners
      .filter((p) => p.cityId !== facts.leadCityId)
      .flatMap((p): { cityId: number; access: DocumentAccessLevel }[] => {
        if (p.status === 'accepted')
          return [{ cityId: p.cityId, access: editable ? 'write' : 'read' }];
        if (p.status === 'invited') return [{ cityId: p.cityId, access: 'read' }];
        return [];
      }),
  };
}
