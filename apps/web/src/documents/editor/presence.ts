// Who is in the document now, from the provider's awareness states (the server sets each `user`).

/** A person in the document, as the server publishes them in awareness. */
export interface Participant {
  id: string;
  name: string;
  /** The city's name (or the Secretariat's), null when the user has none. */
  city: string | null;
  citySlug: string | null;
  color: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const optionalString = (value: unknown) => (typeof value === 'string' ? value : null);

/** Reads the `user` of one awareness state; null when it has none or it is malformed. */
export function participantOf(state: unknown): Participant | null {
  if (!isRecord(state) || !isRecord(state.user)) return null;
  const { id, name, color, city, citySlug } = state.user;
  if (typeof id !== 'string' || typeof name !== 'string') return null;
  return {
    id,
    name,
    color: typeof color === 'string' ? color : '#868e96',
    city: optionalString(city),
    citySlug: optionalString(citySlug),
  };
}

/**
 * Everyone in the document, one entry per person however many tabs they have open: the
 * current user first (as given, since the server's version of our own state never comes
 * back), then the others by name.
 */
export function participantsOf(
  states: ReadonlyMap<number, unknown>,
  me: Participant,
): Participant[] {
  const others = new Map<string, Participant>();
  for (const state of states.values()) {
    const person = participantOf(state);
    if (person && person.id !== me.id && !others.has(person.id)) others.set(person.id, person);
  }
  return [me, ...[...others.values()].sort((a, b) => a.name.localeCompare(b.name))];
}

/** The colour the server gives a user's caret, so that our own avatar has the colour others see. */
export { caretColour } from '@uccn/protocol';
