// React Query hooks and the one mutation of the monitoring API (the Secretariat only).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import { monitoringPath } from './paths';
import type {
  Activity,
  CooperationGraph,
  Measures,
  NetworkFilters,
  PresenceOverview,
  ReportInput,
  ReportStatus,
} from './types';

export const monitoringKeys = {
  all: ['monitoring'] as const,
  graph: (f: NetworkFilters) => ['monitoring', 'graph', f] as const,
  measures: (f: NetworkFilters) => ['monitoring', 'measures', f] as const,
  presence: ['monitoring', 'presence'] as const,
  activity: ['monitoring', 'activity'] as const,
  reports: (status: 'all' | 'overdue' | 'due') => ['monitoring', 'reports', status] as const,
};

export function useGraph(filters: NetworkFilters, enabled: boolean) {
  return useQuery({
    queryKey: monitoringKeys.graph(filters),
    queryFn: () => apiRequest<CooperationGraph>(monitoringPath('graph', filters)),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useMeasures(filters: NetworkFilters, enabled: boolean) {
  return useQuery({
    queryKey: monitoringKeys.measures(filters),
    queryFn: () => apiRequest<Measures>(monitoringPath('measures', filters)),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Proposals by status, messages per channel and active cities, over all time. */
export function useActivity(enabled: boolean) {
  return useQuery({
    queryKey: monitoringKeys.activity,
    queryFn: () => apiRequest<Activity>(monitoringPath('activity')),
    enabled,
  });
}

/** How often "Live now" asks again: presence changes by the second, a few seconds late is fine. */
export const PRESENCE_REFRESH_MS = 4_000;

/** Everyone live now, refreshed by itself while the page is open. */
export function usePresence(enabled: boolean) {
  return useQuery({
    queryKey: monitoringKeys.presence,
    queryFn: () => apiRequest<PresenceOverview>('/api/presence'),
    enabled,
    refetchInterval: PRESENCE_REFRESH_MS,
  });
}

/** Every city's report schedule, the overdue ones, or those due within six months. */
export function useReports(status: 'all' | 'overdue' | 'due', enabled: boolean) {
  const path =
    status === 'due' ? monitoringPath('reports/due') : monitoringPath('reports', {}, { status });
  return useQuery({
    queryKey: monitoringKeys.reports(status),
    queryFn: () => apiRequest<{ asOf: string; cities: ReportStatus[] }>(path),
    enabled,
  });
}

export function recordReport(input: ReportInput) {
  return apiRequest<{ cycleYear: number }>('/api/monitoring/reports', {
    method: 'POST',
    body: input,
  });
}
