// The list's small partner maps, loaded on demand: d3-geo and the country shapes stay out of the
// list's first load.
import { Skeleton } from '@mantine/core';
import { type ComponentProps, lazy, Suspense } from 'react';

const MiniMapLazy = lazy(() => import('./PartnerMiniMapDrawing'));
const WorldSymbolLazy = lazy(() =>
  import('./PartnerMiniMapDrawing').then((module) => ({ default: module.WorldSymbol })),
);

/** The lead and accepted partner cities of one proposal, pinned on a small map. */
export function PartnerMiniMap(props: ComponentProps<typeof MiniMapLazy>) {
  return (
    <Suspense fallback={<Skeleton w={props.width} h={props.height} radius="sm" />}>
      <MiniMapLazy {...props} />
    </Suspense>
  );
}

/** The world drawing the small maps share: render it once, beside the list. */
export function PartnerMapWorld() {
  return (
    <Suspense fallback={null}>
      <WorldSymbolLazy />
    </Suspense>
  );
}
