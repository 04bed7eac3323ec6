// How the proposal page presents the server's rules: status colours, the order and look of the
// workflow buttons, which moves need a note, and the partner list as the page groups it.
import type { City } from '../api/types';
import type { Partner, PartnerStatus, Proposal, ProposalCity, ProposalStatus } from './types';

/** Statuses in which the cities write the document and the details (as on the server). */
export const EDITABLE_STATUSES: readonly ProposalStatus[] = ['draft', 'returned'];

export const isEditable = (status: ProposalStatus) => EDITABLE_STATUSES.includes(status);

const STATUS_COLORS: Record<ProposalStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  under_review: 'indigo',
  returned: 'orange',
  supported: 'teal',
  not_supported: 'red',
  in_progress: 'cyan',
  completed: 'green',
  withdrawn: 'dark',
};

export const statusColor = (status: ProposalStatus) => STATUS_COLORS[status];

/** Moves that need a written note: the Secretariat's decisions and returns (as on the server). */
const NOTE_REQUIRED: readonly ProposalStatus[] = ['supported', 'not_supported', 'returned'];

export const needsNote = (to: ProposalStatus) => NOTE_REQUIRED.includes(to);

/** A status a proposal can be moved to (nothing goes back to draft). */
export type TargetStatus = Exclude<ProposalStatus, 'draft'>;

/** The buttons' order: the usual next step first, withdrawing last. */
const ORDER: readonly TargetStatus[] = [
  'submitted',
  'under_review',
  'supported',
  'returned',
  'not_supported',
  'in_progress',
  'completed',
  'withdrawn',
];

export interface WorkflowButton {
  to: TargetStatus;
  /** The main call to action is filled; the others are outlined. */
  variant: 'filled' | 'light' | 'default';
  color: string;
  /** A note modal opens first; it must not be empty when `noteRequired`. */
  asksNote: boolean;
  noteRequired: boolean;
}

/**
 * The workflow buttons for the moves the server allows this user, in a stable order.
 *
 * @example workflowButtons(['withdrawn', 'submitted']).map((b) => b.to) // ['submitted', 'withdrawn']
 */
export function workflowButtons(allowed: readonly ProposalStatus[]): WorkflowButton[] {
  const sorted = ORDER.filter((to) => allowed.includes(to));
  return sorted.map((to, index) => {
    const danger = to === 'withdrawn' || to === 'not_supported';
    return {
      to,
      variant: index === 0 && !danger ? 'filled' : danger ? 'default' : 'light',
      color: danger ? 'red' : to === 'returned' ? 'orange' : 'unesco',
      // Withdrawing cannot be undone: it asks for confirmation, with an optional note.
      asksNote: needsNote(to) || to === 'withdrawn',
      noteRequired: needsNote(to),
    };
  });
}

export interface PartnerGroups {
  /** The cities that write with the lead. */
  accepted: Partner[];
  /** Waiting for the focal point's answer. */
  invited: Partner[];
  /** Declined or left: kept for the record. */
  former: Partner[];
}

export function groupPartners(partners: readonly Partner[]): PartnerGroups {
  const of = (...statuses: PartnerStatus[]) => partners.filter((p) => statuses.includes(p.status));
  return { accepted: of('accepted'), invited: of('invited'), former: of('declined', 'left') };
}

/** The user's city's standing in the proposal: lead, a partner status, or none. */
export function cityRole(
  proposal: Pick<Proposal, 'leadCity' | 'partners'>,
  citySlug: string | null | undefined,
): 'lead' | PartnerStatus | null {
  if (!citySlug) return null;
  if (proposal.leadCity.slug === citySlug) return 'lead';
  return proposal.partners.find((p) => p.city.slug === citySlug)?.status ?? null;
}

/** Cities that may still be invited: not the lead, not already invited or accepted. */
export function invitableCities<T extends { slug: string }>(
  cities: readonly T[],
  proposal: Pick<Proposal, 'leadCity' | 'partners'>,
): T[] {
  const taken = new Set([
    proposal.leadCity.slug,
    ...proposal.partners
      .filter((p) => p.status === 'invited' || p.status === 'accepted')
      .map((p) => p.city.slug),
  ]);
  return cities.filter((city) => !taken.has(city.slug));
}

/** A proposal's city in the shape the directory's map draws. */
function asMapCity(city: ProposalCity, id: number): City {
  return {
    id,
    slug: city.slug,
    name: city.name,
    country: city.country.name,
    iso2: city.country.iso2,
    region: city.region.name,
    regionSlug: city.region.slug,
    field: city.field.name,
    fieldSlug: city.field.slug,
    year: null,
    lat: city.lat,
    lon: city.lon,
  };
}

/** The lead and its invited and accepted partners, for the small map. */
export function mapCities(proposal: Pick<Proposal, 'leadCity' | 'partners'>): City[] {
  const partners = proposal.partners
    .filter((p) => p.status === 'invited' || p.status === 'accepted')
    .map((p) => p.city);
  return [proposal.leadCity, ...partners].map((city, index) => asMapCity(city, index + 1));
}

/** Why the user reads the document without writing it, for the notice above the editor. */
export type ReadOnlyReason = 'review' | 'decided' | 'closed' | 'invited' | 'secretariat' | 'reader';

/**
 * The reason to give a reader: the proposal's status first (submitted, decided, closed), then
 * the user's standing (invited, the Secretariat, someone else).
 *
 * @example readOnlyReason('submitted', 'lead', false) // 'review'
 */
export function readOnlyReason(
  status: ProposalStatus,
  role: ReturnType<typeof cityRole>,
  secretariat: boolean,
): ReadOnlyReason {
  if (status === 'submitted' || status === 'under_review') return 'review';
  if (status === 'supported' || status === 'in_progress' || status === 'completed') {
    return 'decided';
  }
  if (status === 'not_supported' || status === 'withdrawn') return 'closed';
  if (role === 'invited') return 'invited';
  return secretariat ? 'secretariat' : 'reader';
}
