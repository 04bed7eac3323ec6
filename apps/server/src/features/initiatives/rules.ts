// The rules of an initiative as plain functions: who creates and edits it, its cooperation
// dimension, and the Secretariat's official support decisions.
import type { SupportState, UserRole } from '@uccn/db';
import { AppError } from '../../errors';

export interface Actor {
  role: UserRole;
  cityId: number | null;
}

export interface InitiativeCity {
  cityId: number;
  countryIso2: string;
}

export interface InitiativeFacts {
  leadCityId: number;
  support: SupportState;
  /** Lead and partners together. */
  cities: readonly InitiativeCity[];
}

export type SupportDecision = 'supported' | 'withdrawn';

/**
 * Inter-city: more than one city takes part (the lead and at least one partner). International:
 * its cities are in more than one country. Either one is the dimension official support needs.
 * @example dimension([{ cityId: 1, countryIso2: 'IT' }, { cityId: 2, countryIso2: 'JP' }])
 *   // { interCity: true, international: true }
 */
export function dimension(cities: readonly InitiativeCity[]) {
  return {
    interCity: new Set(cities.map((c) => c.cityId)).size > 1,
    international: new Set(cities.map((c) => c.countryIso2)).size > 1,
  };
}

export const hasDimension = (cities: readonly InitiativeCity[]) => {
  const flags = dimension(cities);
  return flags.interCity || flags.international;
};

/** Any person of a city shares an initiative, led by that city; the Secretariat leads none. */
export function canCreate(actor: Actor) {
  return actor.cityId !== null;
}

/** People of the lead city edit it (partners are named by the lead, they do not edit). */
export function canEdit(actor: Actor, facts: Pick<InitiativeFacts, 'leadCityId'>) {
  return actor.cityId !== null && actor.cityId === facts.leadCityId;
}

export const canDecide = (actor: Actor) => actor.role === 'secretariat';

/** The cities the decision note is shown to, besides the Secretariat. */
export function isInvolved(actor: Actor, facts: InitiativeFacts) {
  return (
    actor.role === 'secretariat' ||
    (actor.cityId !== null && facts.cities.some((c) => c.cityId === actor.cityId))
  );
}

/**
 * Throws what a client should see when the decision may not be taken: `forbidden` (403) for
 * anyone but the Secretariat; `invalid_transition` (409) to support what is supported or
 * withdraw what is not; `no_cooperation_dimension` (409) to support a one-city, one-country
 * initiative; `note_required` (400) without a note.
 */
export function assertDecision(
  actor: Actor,
  facts: InitiativeFacts,
  decision: SupportDecision,
  note: string | undefined,
) {
  if (!canDecide(actor)) {
    throw new AppError('forbidden', 'Only the Secretariat grants or withdraws official support.');
  }
  if (decision === 'supported' && facts.support === 'supported') {
    throw new AppError('invalid_transition', 'The initiative already has official support.');
  }
  if (decision === 'withdrawn' && facts.support !== 'supported') {
    throw new AppError(
      'invalid_transition',
      'Only official support that was granted is withdrawn.',
    );
  }
  if (decision === 'supported' && !hasDimension(facts.cities)) {
    throw new AppError(
      'no_cooperation_dimension',
      'Official support goes to initiatives with partners in another city or another country.',
    );
  }
  if (!note?.trim()) {
    throw new AppError('note_required', 'A support decision needs a written note.');
  }
}

/** A supported initiative keeps its dimension: an edit that would remove it is refused. */
export function assertKeepsDimension(support: SupportState, cities: readonly InitiativeCity[]) {
  if (support === 'supported' && !hasDimension(cities)) {
    throw new AppError(
      'no_cooperation_dimension',
      'A supported initiative keeps partners in another city or country; ask the Secretariat to withdraw support first.',
    );
  }
}

/** What the UI may offer the actor. */
export function allowedActions(actor: Actor, facts: InitiativeFacts) {
  return {
    edit: canEdit(actor, facts),
    support: canDecide(actor) && facts.support !== 'supported' && hasDimension(facts.cities),
    withdraw: canDecide(actor) && facts.support === 'supported',
  };
}

/** Links open outside the app: http and https only, so no `javascript:` ever reaches a page. */
export function isSafeLink(url: string) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
