// The typing indicator: entries expire by themselves; we send at most every two seconds.
import { describe, expect, it } from 'vitest';
import {
  activeTypists,
  nextExpiry,
  shouldSendTyping,
  TYPING_EXPIRY_MS,
  TYPING_THROTTLE_MS,
  updateTyping,
  withoutTypist,
} from './typing';

const ana = { userId: 'u1', name: 'Ana', city: { slug: 'bologna', name: 'Bologna' } };
const kenji = { userId: 'u2', name: 'Kenji', city: null };

describe('typing roster', () => {
  it('shows someone until they stop or their last signal expires', () => {
    let roster = updateTyping([], ana, true, 1_000);
    roster = updateTyping(roster, kenji, true, 2_000);
    expect(activeTypists(roster, 2_000)).toEqual([ana, kenji]);
    expect(activeTypists(roster, 1_000 + TYPING_EXPIRY_MS)).toEqual([kenji]);
    expect(activeTypists(roster, 2_000 + TYPING_EXPIRY_MS)).toEqual([]);
    expect(activeTypists(updateTyping(roster, ana, false, 2_500), 2_500)).toEqual([kenji]);
  });

  it('extends an entry when the signal repeats, without a second entry', () => {
    let roster = updateTyping([], ana, true, 0);
    roster = updateTyping(roster, ana, true, 4_000);
    expect(roster).toHaveLength(1);
    expect(activeTypists(roster, 6_000)).toEqual([ana]);
  });

  it('drops someone whose message arrived, even if their "stopped" signal is late', () => {
    const roster = updateTyping(updateTyping([], ana, true, 0), kenji, true, 0);
    expect(activeTypists(withoutTypist(roster, 'u1'), 1)).toEqual([kenji]);
    expect(withoutTypist(roster, 'nobody')).toBe(roster);
  });

  it('says when to re-render next', () => {
    const roster = updateTyping(updateTyping([], ana, true, 0), kenji, true, 1_000);
    expect(nextExpiry(roster, 0)).toBe(TYPING_EXPIRY_MS);
    expect(nextExpiry(roster, TYPING_EXPIRY_MS)).toBe(1_000 + TYPING_EXPIRY_MS);
    expect(nextExpiry(roster, 10_000)).toBeNull();
  });
});

describe('shouldSendTyping', () => {
  it('sends at once, then at most every two seconds', () => {
    expect(shouldSendTyping(null, 5_000)).toBe(true);
    expect(shouldSendTyping(5_000, 5_000 + TYPING_THROTTLE_MS - 1)).toBe(false);
    expect(shouldSendTyping(5_000, 5_000 + TYPING_THROTTLE_MS)).toBe(true);
  });
});
