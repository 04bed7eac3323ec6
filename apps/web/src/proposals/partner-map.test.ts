import { describe, expect, it } from 'vitest';
import { mapPins, viewBoxFor, WORLD_SIZE, writingCities } from './partner-map';
import type { Partner, ProposalCity } from './types';

const city = (slug: string, lat: number | null, lon: number | null) =>
  ({ slug, name: slug, lat, lon }) as ProposalCity;
const partner = (c: ProposalCity, status: Partner['status']) => ({ city: c, status }) as Partner;

const bologna = city('bologna', 44.5, 11.3);
const kanazawa = city('kanazawa', 36.6, 136.7);
const dakar = city('dakar', 14.7, -17.4);
const nowhere = city('nowhere', null, null);
const proposal = {
  leadCity: bologna,
  partners: [
    partner(kanazawa, 'accepted'),
    partner(dakar, 'invited'),
    partner(city('lyon', 45.8, 4.8), 'declined'),
    partner(nowhere, 'accepted'),
  ],
};
// A plate carrée on the 360 × 175 drawing: enough to follow where each pin lands.
const project = ([lon, lat]: [number, number]): [number, number] => [lon + 180, 87.5 - lat];

describe('partner map', () => {
  it('shows the lead and the accepted partners only', () => {
    expect(writingCities(proposal).map((c) => c.slug)).toEqual(['bologna', 'kanazawa', 'nowhere']);
  });

  it('pins the cities it can place, the lead marked', () => {
    expect(mapPins(proposal, project)).toEqual([
      { city: bologna, lead: true, x: 191.3, y: 43 },
      { city: kanazawa, lead: false, x: 316.7, y: expect.closeTo(50.9) },
    ]);
  });

  it('widens a lone city to the minimum width, in the map proportions', () => {
    expect(viewBoxFor([{ x: 180, y: 60 }], 2, 90)).toEqual({
      x: 135,
      y: 37.5,
      width: 90,
      height: 45,
    });
  });

  it('stays inside the world near its edge', () => {
    const view = viewBoxFor([{ x: 355, y: 5 }], 2, 90);
    expect(view.x + view.width).toBe(WORLD_SIZE.width);
    expect(view.y).toBe(0);
  });

  it('shows the whole world for cities far apart, or none', () => {
    const wide = viewBoxFor(
      [
        { x: 10, y: 80 },
        { x: 350, y: 90 },
      ],
      2,
      90,
    );
    expect(wide.width).toBe(WORLD_SIZE.width);
    expect(wide.height).toBe(WORLD_SIZE.width / 2);
    expect(wide.x).toBe(0);
    expect(viewBoxFor([], 2, 90)).toEqual({ x: 0, y: 0, ...WORLD_SIZE });
  });
});
