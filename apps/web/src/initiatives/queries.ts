// React Query hooks over the initiatives API.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMe } from '../api/queries';
import { getInitiative, getInitiatives } from './endpoints';
import type { InitiativeFilters } from './types';

export const initiativeKeys = {
  all: ['initiatives'] as const,
  list: (filters: InitiativeFilters) => ['initiatives', 'list', filters] as const,
  one: (id: string) => ['initiatives', 'one', id] as const,
};

export function useInitiatives(filters: InitiativeFilters) {
  const me = useMe();
  return useQuery({
    queryKey: initiativeKeys.list(filters),
    queryFn: ({ signal }) => getInitiatives(filters, signal),
    enabled: Boolean(me.data),
    placeholderData: keepPreviousData,
  });
}

export function useInitiative(id: string) {
  return useQuery({ queryKey: initiativeKeys.one(id), queryFn: () => getInitiative(id) });
}
