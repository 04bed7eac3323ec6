// A seeded pseudo-random generator, so every server sees the same clients, phases and schedule.

/** mulberry32: small, fast and good enough for picking phases and client ids. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A non-zero uint32 Yjs client id drawn from `random`. */
export function randomClientId(random: () => number): number {
  return Math.floor(random() * 0xfffffffe) + 1;
}
