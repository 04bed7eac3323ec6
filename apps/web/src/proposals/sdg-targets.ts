// SDG targets offered for a proposal: only those under its chosen goals, as "11.4 — …".
import type { Sdg } from './types';

/** How much of a target's text an option shows; the full text is in the option's title. */
const OPTION_TEXT_MAX = 90;

export interface TargetGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * A target's text cut at a word boundary to `max` characters, with an ellipsis when cut.
 *
 * @example shortTargetText('By 2030, ensure access for all to adequate housing', 20) // 'By 2030, ensure…'
 */
export function shortTargetText(text: string, max = OPTION_TEXT_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * The targets of the chosen goals, grouped by goal in goal order, for a grouped multi-select.
 *
 * @example targetGroups(sdgs, ['11'], (goal) => goal.name)
 * // [{ group: '11 · Sustainable cities…', items: [{ value: '11.1', label: '11.1 — By 2030, …' }, …] }]
 */
export function targetGroups(
  sdgs: readonly Sdg[],
  goals: readonly string[],
  goalName: (goal: Sdg) => string,
): TargetGroup[] {
  const chosen = new Set(goals.map(Number));
  return sdgs
    .filter((goal) => chosen.has(goal.number) && goal.targets.length > 0)
    .sort((a, b) => a.number - b.number)
    .map((goal) => ({
      group: `${goal.number} · ${goalName(goal)}`,
      items: goal.targets.map((target) => ({
        value: target.code,
        label: `${target.code} — ${shortTargetText(target.text)}`,
      })),
    }));
}

/** The goal a target code belongs to: `11.4` → 11, `17.a`… → 17. */
export function targetGoal(code: string): number {
  return Number.parseInt(code, 10);
}

/**
 * The targets that stay once the goals change: a goal taken away takes its targets with it.
 *
 * @example targetsOfGoals(['11.4', '4.7'], ['11']) // ['11.4']
 */
export function targetsOfGoals(targets: readonly string[], goals: readonly string[]): string[] {
  const chosen = new Set(goals.map(Number));
  return targets.filter((code) => chosen.has(targetGoal(code)));
}

/**
 * Target codes in the order the goals and targets run: `4.7` before `11.4`, `11.4` before `11.a`.
 */
export function sortTargetCodes(codes: readonly string[]): string[] {
  const rank = (code: string) => {
    const [goal = '0', part = ''] = code.split('.');
    // Numbered targets come before the lettered means of implementation.
    const sub = /^\d+$/.test(part) ? Number(part) : 100 + part.charCodeAt(0);
    return Number(goal) * 1000 + sub;
  };
  return [...codes].sort((a, b) => rank(a) - rank(b));
}
