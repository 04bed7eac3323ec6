// The maps, loaded on demand: d3-geo, topojson and the country shapes stay out of the first load.
import { Skeleton } from '@mantine/core';
import { type ComponentProps, lazy, Suspense } from 'react';

const CityMapLazy = lazy(() => import('./CityMap'));
const CityGlobeLazy = lazy(() => import('./CityGlobe'));

export function CityMap(props: ComponentProps<typeof CityMapLazy>) {
  return (
    <Suspense fallback={<Skeleton h={0} pb="47%" radius="md" />}>
      <CityMapLazy {...props} />
    </Suspense>
  );
}

export function CityGlobe(props: ComponentProps<typeof CityGlobeLazy>) {
  return (
    <Suspense fallback={<Skeleton circle h={280} w={280} mx="auto" />}>
      <CityGlobeLazy {...props} />
    </Suspense>
  );
}
