// Whether the Secretariat may grant or withdraw official support, and why not (mirrors the server).
import type { Initiative } from './types';

export type SupportBlock = 'no_dimension' | 'already_supported' | null;

/**
 * Why support cannot be granted now, or null when it can.
 *
 * @example grantBlock({ support: 'none', interCity: false, international: false }) // 'no_dimension'
 */
export function grantBlock(
  initiative: Pick<Initiative, 'support' | 'interCity' | 'international'>,
): SupportBlock {
  if (initiative.support === 'supported') return 'already_supported';
  if (!initiative.interCity && !initiative.international) return 'no_dimension';
  return null;
}

/** A decision note is required and must say something. */
export function validNote(note: string): boolean {
  return note.trim().length > 0;
}

/** Mantine colour of a support state's badge. */
export function supportColor(state: Initiative['support']): string {
  return state === 'supported' ? 'teal' : state === 'withdrawn' ? 'orange' : 'gray';
}
