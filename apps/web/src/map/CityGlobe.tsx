// A small globe turned towards one city, for the city page.
import { Skeleton } from '@mantine/core';
import { geoGraticule10, geoOrthographic, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { fieldCssColor } from '../fields/colors';
import { useWorld } from './useWorld';

const SIZE = 280;

interface CityGlobeProps {
  lat: number;
  lon: number;
  fieldSlug: string;
  /** Accessible name of the picture, e.g. "Location of Kanazawa". */
  label: string;
}

export default function CityGlobe({ lat, lon, fieldSlug, label }: CityGlobeProps) {
  const world = useWorld();
  const { path, point } = useMemo(() => {
    // Tilted a little north of the city, so it sits just below the centre like on a desk globe.
    const projection = geoOrthographic()
      .rotate([-lon, -Math.max(-60, Math.min(60, lat)) + 8])
      .fitExtent(
        [
          [4, 4],
          [SIZE - 4, SIZE - 4],
        ],
        { type: 'Sphere' },
      );
    return { path: geoPath(projection), point: projection([lon, lat]) };
  }, [lat, lon]);

  if (world.isPending) return <Skeleton circle h={SIZE} w={SIZE} mx="auto" />;
  const color = fieldCssColor(fieldSlug);

  return (
    <svg
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      width="100%"
      style={{ maxWidth: SIZE, display: 'block', margin: '0 auto' }}
      role="img"
      aria-label={label}
    >
      <path
        d={path({ type: 'Sphere' }) ?? ''}
        fill="var(--uccn-sea)"
        stroke="var(--uccn-map-outline)"
      />
      <path
        d={path(geoGraticule10()) ?? ''}
        fill="none"
        stroke="var(--uccn-map-outline)"
        strokeOpacity={0.5}
        strokeWidth={0.5}
      />
      {world.data && (
        <>
          <path d={path(world.data.countries) ?? ''} fill="var(--uccn-land)" />
          <path
            d={path(world.data.borders) ?? ''}
            fill="none"
            stroke="var(--uccn-land-stroke)"
            strokeWidth={0.6}
          />
        </>
      )}
      {point && (
        <g>
          <circle cx={point[0]} cy={point[1]} r={14} fill={color} fillOpacity={0.18} />
          <circle cx={point[0]} cy={point[1]} r={6} fill={color} stroke="#fff" strokeWidth={2} />
        </g>
      )}
    </svg>
  );
}
