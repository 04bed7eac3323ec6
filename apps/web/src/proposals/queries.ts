// React Query hooks over the proposals API, with one key per resource.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { useMe } from '../api/queries';
import { getProposal, getProposalHistory, getProposals, getSdgs, getThemes } from './endpoints';
import type { ProposalFilters } from './types';

export const proposalKeys = {
  all: ['proposals'] as const,
  list: (filters: ProposalFilters, userId: string | null) =>
    ['proposals', 'list', filters, userId] as const,
  one: (id: string) => ['proposals', 'one', id] as const,
  history: (id: string) => ['proposals', 'history', id] as const,
  sdgs: ['sdgs'] as const,
  themes: ['themes'] as const,
};

// Reference data changes a few times a year; one fetch per visit is plenty.
const REFERENCE = { staleTime: Number.POSITIVE_INFINITY } as const;

export function useSdgs() {
  return useQuery({ queryKey: proposalKeys.sdgs, queryFn: getSdgs, ...REFERENCE });
}

export function useThemes() {
  return useQuery({ queryKey: proposalKeys.themes, queryFn: getThemes, ...REFERENCE });
}

export function useProposals(filters: ProposalFilters) {
  const me = useMe();
  return useQuery({
    queryKey: proposalKeys.list(filters, me.data?.user.id ?? null),
    queryFn: ({ signal }) => getProposals(filters, signal),
    enabled: Boolean(me.data),
    placeholderData: keepPreviousData,
  });
}

/** One proposal; polled, so that a partner's answer or a decision shows up on an open page. */
export function useProposal(id: string) {
  return useQuery({
    queryKey: proposalKeys.one(id),
    queryFn: () => getProposal(id),
    refetchInterval: 30_000,
    // A refusal (not found, not shared) will not change by asking again.
    retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500),
  });
}

export function useProposalHistory(id: string) {
  return useQuery({
    queryKey: proposalKeys.history(id),
    queryFn: () => getProposalHistory(id),
  });
}
