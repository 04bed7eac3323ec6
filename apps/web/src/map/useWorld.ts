// The world map's shapes, loaded once per visit and shared by every map on the page.
import { useQuery } from '@tanstack/react-query';
import { loadWorld } from './world';

export function useWorld() {
  return useQuery({
    queryKey: ['world-atlas', '110m'],
    queryFn: loadWorld,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}
