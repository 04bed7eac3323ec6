// The directory's world map: one dot per city, coloured by field, named on hover and focus.
import { Box, Paper, Skeleton, Text } from '@mantine/core';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { City } from '../api/types';
import { fieldCssColor } from '../fields/colors';
import { useNames } from '../i18n/names';
import { focusArea } from './extent';
import { useWorld } from './useWorld';
import { inhabited } from './world';

const WIDTH = 960;
const HEIGHT = 450;
const PAD = 10;
const EXTENT: [[number, number], [number, number]] = [
  [PAD, PAD],
  [WIDTH - PAD, HEIGHT - PAD],
];
/** A zoomed view keeps its outermost cities clear of the edge. */
const ZOOM_EXTENT: [[number, number], [number, number]] = [
  [48, 40],
  [WIDTH - 48, HEIGHT - 40],
];
/** How much closer than the world view a filtered view must be before the map zooms. */
const ZOOM_THRESHOLD = 1.4;

/** The city page's address; the dots are real links, so they open in a new tab too. */
const cityPath = (city: City) => `/cities/${encodeURIComponent(city.slug)}`;

interface CityMapProps {
  cities: City[];
  onOpen: (city: City) => void;
}

interface Dot {
  city: City;
  x: number;
  y: number;
}

export default function CityMap({ cities, onOpen }: CityMapProps) {
  const { t } = useTranslation();
  const names = useNames();
  const world = useWorld();
  const hintId = useId();
  // SVG links: React types them as HTML anchors, so keep only what both share.
  const dotRefs = useRef<(HTMLOrSVGElement | null)[]>([]);
  const [active, setActive] = useState<number | null>(null);
  const [tabStop, setTabStop] = useState(0);

  const land = useMemo(() => (world.data ? inhabited(world.data) : null), [world.data]);
  const projection = useMemo(() => {
    const world = land
      ? geoEqualEarth().fitExtent(EXTENT, land)
      : geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
    // Zoom in on a filtered list that sits in one part of the world; stay global otherwise.
    const area = focusArea(cities);
    if (!area) return world;
    const zoomed = geoEqualEarth().fitExtent(ZOOM_EXTENT, area);
    return zoomed.scale() > world.scale() * ZOOM_THRESHOLD ? zoomed : world;
  }, [land, cities]);
  const path = useMemo(() => geoPath(projection), [projection]);

  // West to east, so that the arrow keys move across the map the way the eye does.
  const dots = useMemo(() => {
    const out: Dot[] = [];
    for (const city of cities) {
      if (city.lat === null || city.lon === null) continue;
      const point = projection([city.lon, city.lat]);
      if (point) out.push({ city, x: point[0], y: point[1] });
    }
    return out.sort((a, b) => a.x - b.x || a.y - b.y);
  }, [cities, projection]);

  const radius = dots.length > 120 ? 4 : dots.length > 30 ? 5 : 6.5;
  const stop = Math.min(tabStop, Math.max(dots.length - 1, 0));
  const current = active === null ? undefined : dots[active];

  const focusDot = (index: number) => {
    const next = (index + dots.length) % dots.length;
    setTabStop(next);
    dotRefs.current[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<Element>, index: number) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: dots.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusDot(target);
    }
  };

  if (world.isPending) {
    return (
      <Skeleton
        h={0}
        pb={`${(HEIGHT / WIDTH) * 100}%`}
        radius="md"
        aria-label={t('cities.mapLoading')}
      />
    );
  }

  return (
    <Box component="figure" m={0} pos="relative" aria-label={t('cities.map')}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        aria-describedby={hintId}
        style={{
          display: 'block',
          background: 'var(--uccn-sea)',
          borderRadius: 'var(--mantine-radius-md)',
        }}
        onMouseLeave={() => setActive(null)}
      >
        <title>{t('cities.map')}</title>
        {world.data && (
          <g>
            <path d={path(land ?? world.data.countries) ?? ''} fill="var(--uccn-land)" />
            <path
              d={path(world.data.borders) ?? ''}
              fill="none"
              stroke="var(--uccn-land-stroke)"
              strokeWidth={0.6}
            />
          </g>
        )}
        {dots.map((dot, index) => (
          <a
            key={dot.city.id}
            ref={(el) => {
              dotRefs.current[index] = el;
            }}
            href={cityPath(dot.city)}
            tabIndex={index === stop ? 0 : -1}
            aria-label={`${dot.city.name}, ${names.country(dot.city.iso2, dot.city.country)}`}
            onClick={(event) => {
              // Let the browser handle new-tab and new-window clicks.
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              onOpen(dot.city);
            }}
            onKeyDown={(event) => onKeyDown(event, index)}
            onFocus={() => {
              setActive(index);
              setTabStop(index);
            }}
            onBlur={() => setActive(null)}
            onMouseEnter={() => setActive(index)}
          >
            <circle
              className="uccn-map-dot"
              data-active={active === index}
              cx={dot.x}
              cy={dot.y}
              r={active === index ? radius + 2 : radius}
              fill={fieldCssColor(dot.city.fieldSlug)}
            />
          </a>
        ))}
        {current && (
          // Redrawn on top so that a dot hidden under its neighbours shows when chosen.
          <circle
            cx={current.x}
            cy={current.y}
            r={radius + 2}
            fill={fieldCssColor(current.city.fieldSlug)}
            stroke="var(--mantine-color-dark-7)"
            strokeWidth={1.5}
            pointerEvents="none"
          />
        )}
      </svg>
      {current && (
        <Paper
          shadow="md"
          withBorder
          px="sm"
          py={6}
          pos="absolute"
          style={{
            left: `${(current.x / WIDTH) * 100}%`,
            top: `${(current.y / HEIGHT) * 100}%`,
            transform: 'translate(-50%, calc(-100% - 12px))',
            pointerEvents: 'none',
            whiteSpace: 'nowrap',
            zIndex: 2,
          }}
          aria-hidden="true"
          data-testid="map-tooltip"
        >
          <Text fz="sm" fw={650} lh={1.3}>
            {current.city.name}
          </Text>
          <Text fz="xs" c="dimmed" lh={1.3}>
            {names.country(current.city.iso2, current.city.country)} ·{' '}
            {names.field(current.city.fieldSlug, current.city.field)}
          </Text>
        </Paper>
      )}
      <Text component="figcaption" id={hintId} fz="xs" c="dimmed" mt={6}>
        {t('cities.mapHint')}
      </Text>
    </Box>
  );
}
