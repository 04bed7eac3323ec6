// One typed function per /api/initiatives endpoint the web app calls.
import { apiRequest } from '../api/client';
import { initiativesApiPath } from './filters';
import type { Initiative, InitiativeFilters, InitiativeInput, SupportEntry } from './types';

const base = (id: string) => `/api/initiatives/${encodeURIComponent(id)}`;

export async function getInitiatives(filters: InitiativeFilters, signal?: AbortSignal) {
  const options = signal ? { signal } : {};
  return (await apiRequest<{ initiatives: Initiative[] }>(initiativesApiPath(filters), options))
    .initiatives;
}

export function getInitiative(
  id: string,
): Promise<{ initiative: Initiative; supportHistory: SupportEntry[] }> {
  return apiRequest(base(id));
}

export async function createInitiative(input: InitiativeInput): Promise<Initiative> {
  return (
    await apiRequest<{ initiative: Initiative }>('/api/initiatives', {
      method: 'POST',
      body: input,
    })
  ).initiative;
}

export async function decideSupport(
  id: string,
  decision: 'supported' | 'withdrawn',
  note: string,
): Promise<Initiative> {
  return (
    await apiRequest<{ initiative: Initiative }>(`${base(id)}/support`, {
      method: 'POST',
      body: { decision, note },
    })
  ).initiative;
}
