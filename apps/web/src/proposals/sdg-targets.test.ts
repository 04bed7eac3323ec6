import { describe, expect, it } from 'vitest';
import {
  shortTargetText,
  sortTargetCodes,
  targetGoal,
  targetGroups,
  targetsOfGoals,
} from './sdg-targets';
import type { Sdg } from './types';

const sdgs: Sdg[] = [
  {
    number: 11,
    name: 'Sustainable cities and communities',
    nameFr: 'Villes et communautés durables',
    targets: [
      { code: '11.4', text: "Strengthen efforts to protect and safeguard the world's heritage" },
      { code: '11.a', text: 'Support positive economic, social and environmental links' },
    ],
  },
  {
    number: 4,
    name: 'Quality education',
    nameFr: 'Éducation de qualité',
    targets: [{ code: '4.7', text: 'Ensure that all learners acquire knowledge' }],
  },
  { number: 5, name: 'Gender equality', nameFr: 'Égalité entre les sexes', targets: [] },
];

describe('SDG targets', () => {
  it('offers only the targets of the chosen goals, grouped in goal order', () => {
    const groups = targetGroups(sdgs, ['11', '4', '5'], (goal) => goal.nameFr);
    expect(groups.map((g) => g.group)).toEqual([
      '4 · Éducation de qualité',
      '11 · Villes et communautés durables',
    ]);
    expect(groups[1]?.items[0]).toEqual({
      value: '11.4',
      label: "11.4 — Strengthen efforts to protect and safeguard the world's heritage",
    });
    expect(targetGroups(sdgs, [], (goal) => goal.name)).toEqual([]);
  });

  it('shortens a long text at a word, with an ellipsis', () => {
    expect(shortTargetText('By 2030, ensure access for all to adequate housing', 20)).toBe(
      'By 2030, ensure…',
    );
    expect(shortTargetText('Short enough', 20)).toBe('Short enough');
  });

  it('drops the targets of a goal taken away', () => {
    expect(targetsOfGoals(['11.4', '4.7', '11.a'], ['11'])).toEqual(['11.4', '11.a']);
    expect(targetGoal('17.a')).toBe(17);
  });

  it('orders codes by goal, then numbered targets before lettered ones', () => {
    expect(sortTargetCodes(['11.a', '11.4', '4.7', '11.10', '1.b'])).toEqual([
      '1.b',
      '4.7',
      '11.4',
      '11.10',
      '11.a',
    ]);
  });
});
