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

/** Caret colours with enough contrast on white; the same list and hash as the server's. */
const CARET_COLOURS = [
  '#1c7ed6',
  '#e8590c',
  '#2f9e44',
  '#c2255c',
  '#6741d9',
  '#0c8599',
  '#e67700',
  '#5c940d',
  '#a61e4d',
  '#1864ab',
  '#d6336c',
  '#087f5b',
] as const;

/**
 * The colour the server gives a user's caret (apps/server/src/collab/identity.ts), so that our
 * own avatar has the colour others see.
 */
export function caretColour(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return CARET_COLOURS[hash % CARET_COLOURS.length] ?? CARET_COLOURS[0];
}
