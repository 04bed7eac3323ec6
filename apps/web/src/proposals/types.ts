// Shapes of /api/proposals, /api/sdgs and /api/themes as the web app reads them.

export const PROPOSAL_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'returned',
  'supported',
  'not_supported',
  'in_progress',
  'completed',
  'withdrawn',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export type PartnerStatus = 'invited' | 'accepted' | 'declined' | 'left';

export interface NamedRef {
  slug: string;
  name: string;
  nameFr: string;
}

/** A city as a proposal shows it: enough for a badge, the flags and a small map. */
export interface ProposalCity {
  slug: string;
  name: string;
  country: { iso2: string; name: string };
  region: { slug: string; name: string };
  field: NamedRef;
  lat: number | null;
  lon: number | null;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface Partner {
  city: ProposalCity;
  status: PartnerStatus;
  invitedBy: PersonRef | null;
  invitedAt: string;
  respondedBy: PersonRef | null;
  respondedAt: string | null;
}

/** What the requesting user may do now, as the server computed it. */
export interface ProposalActions {
  editDetails: boolean;
  editPublicSummary: boolean;
  invite: boolean;
  /** Accept or decline the invitation of the user's own city. */
  answer: boolean;
  /** Take the user's own city out (an accepted partner's focal point). */
  leave: boolean;
  handOver: boolean;
  transitions: ProposalStatus[];
}

export interface Budget {
  amount: number;
  currency: string;
}

export interface Proposal {
  id: string;
  title: string;
  summary: string;
  status: ProposalStatus;
  /** Its body: a shared document of kind `proposal`, open at `/collab/<documentId>`. */
  documentId: string;
  leadCity: ProposalCity;
  partners: Partner[];
  fields: NamedRef[];
  sdgs: { number: number; name: string; nameFr: string }[];
  sdgTargets: { code: string; goal: number; text: string }[];
  themes: NamedRef[];
  budget: Budget | null;
  startDate: string | null;
  endDate: string | null;
  milestones: { label: string; date: string }[];
  decisionNote: string | null;
  publicSummary: string | null;
  international: boolean;
  crossField: boolean;
  actions: ProposalActions;
  createdBy: PersonRef | null;
  createdAt: string;
  updatedAt: string;
}

/** The details a writer sets on create and update; lists replace what was there. */
export interface ProposalDetails {
  title: string;
  summary: string;
  fields: string[];
  sdgs: number[];
  themes: string[];
  budget: Budget | null;
  startDate: string | null;
  endDate: string | null;
}

export interface HistoryEntry {
  from: ProposalStatus | null;
  to: ProposalStatus;
  by: (PersonRef & { city: string | null }) | null;
  note: string | null;
  at: string;
}

export interface Sdg {
  number: number;
  name: string;
  nameFr: string;
  targets: { code: string; text: string }[];
}

export type Theme = NamedRef;

/** The list's filters; an empty string means "any". */
export interface ProposalFilters {
  scope: 'mine' | 'all';
  q: string;
  status: string;
  field: string;
  region: string;
  sdg: string;
  theme: string;
  city: string;
}
