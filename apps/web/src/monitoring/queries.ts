// React Query hooks and the one mutation of the monitoring API (the Secretariat only).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import { monitoringPath } from './paths';
import type {
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
  reports: (status: 'overdue' | 'due') => ['monitoring', 'reports', status] as const,
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

/** Overdue reports, or those due within six months. */
export function useReports(status: 'overdue' | 'due', enabled: boolean) {
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
