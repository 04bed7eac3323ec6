// One typed function per /api/proposals, /api/sdgs and /api/themes endpoint the web app calls.
import { apiRequest } from '../api/client';
import { proposalsApiPath } from './filters';
import type {
  HistoryEntry,
  Proposal,
  ProposalDetails,
  ProposalFilters,
  ProposalStatus,
  Sdg,
  Theme,
} from './types';

const enc = encodeURIComponent;
const base = (id: string) => `/api/proposals/${enc(id)}`;

export async function getSdgs(): Promise<Sdg[]> {
  return (await apiRequest<{ sdgs: Sdg[] }>('/api/sdgs')).sdgs;
}

export async function getThemes(): Promise<Theme[]> {
  return (await apiRequest<{ themes: Theme[] }>('/api/themes')).themes;
}

export async function getProposals(filters: ProposalFilters, signal?: AbortSignal) {
  const options = signal ? { signal } : {};
  return (await apiRequest<{ proposals: Proposal[] }>(proposalsApiPath(filters), options))
    .proposals;
}

export async function getProposal(id: string): Promise<Proposal> {
  return (await apiRequest<{ proposal: Proposal }>(base(id))).proposal;
}

export type ExportFormat = 'md' | 'pdf' | 'docx';

/** Where the browser downloads the proposal as a file: a link, not a fetch. */
export function exportPath(id: string, format: ExportFormat): string {
  return `${base(id)}/export?format=${format}`;
}

export async function getProposalHistory(id: string): Promise<HistoryEntry[]> {
  return (await apiRequest<{ history: HistoryEntry[] }>(`${base(id)}/history`)).history;
}

export async function createProposal(details: ProposalDetails): Promise<Proposal> {
  const body = await apiRequest<{ proposal: Proposal }>('/api/proposals', {
    method: 'POST',
    body: details,
  });
  return body.proposal;
}

export async function updateProposal(
  id: string,
  change: Partial<ProposalDetails>,
): Promise<Proposal> {
  return (await apiRequest<{ proposal: Proposal }>(base(id), { method: 'PATCH', body: change }))
    .proposal;
}

export async function moveProposal(
  id: string,
  to: ProposalStatus,
  note?: string,
): Promise<Proposal> {
  const body = note === undefined ? { to } : { to, note };
  return (
    await apiRequest<{ proposal: Proposal }>(`${base(id)}/transitions`, { method: 'POST', body })
  ).proposal;
}

export async function invitePartner(id: string, city: string): Promise<Proposal> {
  return (
    await apiRequest<{ proposal: Proposal }>(`${base(id)}/partners`, {
      method: 'POST',
      body: { city },
    })
  ).proposal;
}

export type PartnerAnswer = 'accept' | 'decline' | 'leave';

/** Accepts, declines or leaves for `city`; null when the user may no longer see the proposal. */
export async function answerPartner(
  id: string,
  city: string,
  answer: PartnerAnswer,
): Promise<Proposal | null> {
  const path = `${base(id)}/partners/${enc(city)}/${answer}`;
  return (await apiRequest<{ proposal: Proposal | null }>(path, { method: 'POST', body: {} }))
    .proposal;
}

export async function handOverLead(id: string, city: string): Promise<Proposal> {
  return (
    await apiRequest<{ proposal: Proposal }>(`${base(id)}/lead`, {
      method: 'POST',
      body: { city },
    })
  ).proposal;
}
