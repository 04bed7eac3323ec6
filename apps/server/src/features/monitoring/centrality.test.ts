import { describe, expect, it } from 'vitest';
import { adjacency, betweenness, degree, normalizedBetweenness } from './centrality';

const path5 = adjacency(
  [1, 2, 3, 4, 5],
  [
    [1, 2],
    [2, 3],
    [3, 4],
    [4, 5],
  ],
);
// A star: centre 0 and five leaves.
const star = adjacency(
  [0, 1, 2, 3, 4, 5],
  [1, 2, 3, 4, 5].map((leaf) => [0, leaf] as const),
);

describe('centrality', () => {
  it('counts distinct neighbours and ignores repeated edges and self-loops', () => {
    const graph = adjacency(
      [1, 2, 3, 9],
      [
        [1, 2],
        [2, 1],
        [2, 3],
        [3, 3],
      ],
    );
    expect(Object.fromEntries(degree(graph))).toEqual({ 1: 1, 2: 2, 3: 1, 9: 0 });
  });

  it('gives a path graph the known betweenness: (i-1)(n-i) for the i-th of n nodes', () => {
    expect(Object.fromEntries(betweenness(path5))).toEqual({ 1: 0, 2: 3, 3: 4, 4: 3, 5: 0 });
    // Normalised by (n-1)(n-2)/2 = 6 pairs.
    expect(normalizedBetweenness(path5).get(3)).toBeCloseTo(4 / 6);
  });

  it('gives a star its centre every pair of leaves: k(k-1)/2', () => {
    const values = betweenness(star);
    expect(values.get(0)).toBe(10);
    for (const leaf of [1, 2, 3, 4, 5]) expect(values.get(leaf)).toBe(0);
    expect(normalizedBetweenness(star).get(0)).toBe(1);
    expect(Object.fromEntries(degree(star))).toEqual({ 0: 5, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 });
  });

  it('splits a pair between two shortest paths (a square)', () => {
    const square = adjacency(
      [1, 2, 3, 4],
      [
        [1, 2],
        [2, 3],
        [3, 4],
        [4, 1],
      ],
    );
    // 1–3 goes through 2 or 4 (half each); 2–4 through 1 or 3.
    expect(Object.fromEntries(betweenness(square))).toEqual({ 1: 0.5, 2: 0.5, 3: 0.5, 4: 0.5 });
  });

  it('handles disconnected parts and tiny graphs', () => {
    const two = adjacency([1, 2, 3, 4], [[1, 2]]);
    expect(Object.fromEntries(betweenness(two))).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0 });
    expect(Object.fromEntries(normalizedBetweenness(adjacency([1, 2], [[1, 2]])))).toEqual({
      1: 0,
      2: 0,
    });
  });
});
