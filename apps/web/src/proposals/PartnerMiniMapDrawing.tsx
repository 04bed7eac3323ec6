// The list's small partner maps: one world drawing in the page, reused (`<use>`) by every row's
// map, which only adds its cities' pins and crops the world around them. Loaded on demand.
import { geoEqualEarth, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorld } from '../map/useWorld';
import { inhabited, type World } from '../map/world';
import { mapPins, type Project, viewBoxFor, WORLD_SIZE, writingCities } from './partner-map';
import type { Proposal } from './types';

/** The id of the shared world drawing; there is one proposal list per page. */
const WORLD_ID = 'uccn-partner-map-world';
/** The smallest part of the world a row's map shows, in drawing units (about a continent). */
const MIN_VIEW_WIDTH = 110;

interface Drawing {
  project: Project;
  land: string;
  borders: string;
}

// Projected once per loaded world, not once per row.
const drawings = new WeakMap<World, Drawing>();

function drawingOf(world: World): Drawing {
  let drawing = drawings.get(world);
  if (!drawing) {
    const land = inhabited(world);
    const projection = geoEqualEarth().fitExtent(
      [
        [1, 1],
        [WORLD_SIZE.width - 1, WORLD_SIZE.height - 1],
      ],
      land,
    );
    const path = geoPath(projection);
    drawing = {
      project: (lonLat) => projection(lonLat),
      land: path(land) ?? '',
      borders: path(world.borders) ?? '',
    };
    drawings.set(world, drawing);
  }
  return drawing;
}

/** The world drawing every row's map refers to; render it once, above the rows. */
export function WorldSymbol() {
  const world = useWorld();
  if (!world.data) return null;
  const { land, borders } = drawingOf(world.data);
  return (
    <svg width={0} height={0} style={{ position: 'absolute' }} aria-hidden="true">
      <symbol id={WORLD_ID} viewBox={`0 0 ${WORLD_SIZE.width} ${WORLD_SIZE.height}`}>
        <path d={land} fill="var(--uccn-land)" />
        <path
          d={borders}
          fill="none"
          stroke="var(--uccn-land-stroke)"
          strokeWidth={0.5}
          vectorEffect="non-scaling-stroke"
        />
      </symbol>
    </svg>
  );
}

interface PartnerMiniMapProps {
  proposal: Pick<Proposal, 'leadCity' | 'partners'>;
  /** The map's size on the page, in pixels. */
  width: number;
  height: number;
}

export default function PartnerMiniMap({ proposal, width, height }: PartnerMiniMapProps) {
  const { t } = useTranslation();
  const world = useWorld();
  const drawing = world.data ? drawingOf(world.data) : null;
  const pins = useMemo(
    () => (drawing ? mapPins(proposal, drawing.project) : []),
    [drawing, proposal],
  );
  const view = useMemo(
    () => viewBoxFor(pins, width / height, MIN_VIEW_WIDTH),
    [pins, width, height],
  );
  // Pins and lines keep their size on the page whatever the crop.
  const unit = view.width / width;
  const lead = pins.find((pin) => pin.lead);
  const partners = pins.filter((pin) => !pin.lead);
  // Every writing city is named, including one the map cannot place.
  const label = t('proposals.list.map', {
    cities: writingCities(proposal)
      .map((city) =>
        city === proposal.leadCity ? t('proposals.list.mapLead', { city: city.name }) : city.name,
      )
      .join(', '),
  });

  return (
    <svg
      role="img"
      aria-label={label}
      data-testid="partner-map"
      data-pins={pins.length}
      width={width}
      height={height}
      viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
      style={{
        display: 'block',
        flex: 'none',
        background: 'var(--uccn-sea)',
        borderRadius: 'var(--mantine-radius-sm)',
      }}
    >
      <title>{label}</title>
      {drawing && <use href={`#${WORLD_ID}`} width={WORLD_SIZE.width} height={WORLD_SIZE.height} />}
      {lead &&
        partners.map((pin) => (
          <line
            key={`line-${pin.city.slug}`}
            x1={lead.x}
            y1={lead.y}
            x2={pin.x}
            y2={pin.y}
            stroke="var(--mantine-color-unesco-5)"
            strokeWidth={1.25 * unit}
            strokeDasharray={`${3 * unit} ${2 * unit}`}
            strokeLinecap="round"
          />
        ))}
      {/* The lead last, so that it sits on top of a neighbouring partner. */}
      {[...partners, ...(lead ? [lead] : [])].map((pin) => (
        <circle
          key={pin.city.slug}
          data-city={pin.city.slug}
          data-lead={pin.lead}
          cx={pin.x}
          cy={pin.y}
          r={(pin.lead ? 4 : 3.5) * unit}
          fill={pin.lead ? 'var(--mantine-color-yellow-6)' : 'var(--mantine-color-unesco-6)'}
          stroke="var(--mantine-color-body)"
          strokeWidth={1.25 * unit}
        />
      ))}
    </svg>
  );
}
