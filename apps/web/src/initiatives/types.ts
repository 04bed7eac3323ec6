// Shapes of /api/initiatives as the web app reads them.
import type { NamedRef } from '../proposals/types';

export const SUPPORT_STATES = ['none', 'supported', 'withdrawn'] as const;
export type SupportState = (typeof SUPPORT_STATES)[number];

export const INITIATIVE_STATUSES = ['active', 'completed'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** A city with what a map, a badge and the dimension flags need. */
export interface PlacedCity {
  slug: string;
  name: string;
  country: { iso2: string; name: string };
  region: NamedRef;
  field: NamedRef;
  designationYear: number | null;
  lat: number | null;
  lon: number | null;
}

export interface InitiativeLink {
  label: string;
  url: string;
}

export interface Initiative {
  id: string;
  title: string;
  description: string;
  leadCity: PlacedCity;
  partners: PlacedCity[];
  fields: NamedRef[];
  themes: NamedRef[];
  links: InitiativeLink[];
  startDate: string | null;
  endDate: string | null;
  status: InitiativeStatus;
  support: SupportState;
  decisionNote: string | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  interCity: boolean;
  international: boolean;
  demo: boolean;
  actions: { edit: boolean; support: boolean; withdraw: boolean };
  createdAt: string;
  updatedAt: string;
}

export interface SupportEntry {
  from: SupportState;
  to: SupportState;
  by: { id: string; name: string } | null;
  note: string;
  at: string;
}

/** What "New initiative" sends; the lead is the user's city. */
export interface InitiativeInput {
  title: string;
  description: string;
  partners: string[];
  fields: string[];
  themes: string[];
  links: InitiativeLink[];
  startDate: string | null;
  endDate: string | null;
}

/** The list's filters; an empty string means "any". */
export interface InitiativeFilters {
  field: string;
  region: string;
  theme: string;
  support: string;
  city: string;
}
