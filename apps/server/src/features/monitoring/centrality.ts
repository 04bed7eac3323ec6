// Degree and betweenness centrality of an undirected, unweighted graph: pure functions.

/** Neighbours of each node; every node of the graph is a key, isolated ones with an empty set. */
export type Adjacency = ReadonlyMap<number, ReadonlySet<number>>;

/**
 * The adjacency of an undirected graph from its nodes and edges (self-loops ignored).
 * @example adjacency([1, 2, 3], [[1, 2], [2, 3]]).get(2) // Set {1, 3}
 */
export function adjacency(
  nodes: Iterable<number>,
  edges: Iterable<readonly [number, number]>,
): Map<number, Set<number>> {
  const graph = new Map<number, Set<number>>();
  for (const node of nodes) graph.set(node, new Set());
  for (const [a, b] of edges) {
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    graph.get(a)?.add(b);
    graph.get(b)?.add(a);
  }
  return graph;
}

/** Number of distinct neighbours of each node. */
export function degree(graph: Adjacency): Map<number, number> {
  return new Map([...graph].map(([node, neighbours]) => [node, neighbours.size]));
}

/**
 * Betweenness centrality by Brandes' algorithm (2001), O(V·E) for an unweighted graph: for each
 * node, the number of shortest paths between other pairs that pass through it, each path shared
 * among the shortest paths of its pair. Undirected: each unordered pair counts once (the sums of
 * both directions are halved).
 * @example betweenness(adjacency([1, 2, 3], [[1, 2], [2, 3]])) // 1 → 0, 2 → 1, 3 → 0
 */
export function betweenness(graph: Adjacency): Map<number, number> {
  const centrality = new Map<number, number>();
  for (const node of graph.keys()) centrality.set(node, 0);
  for (const source of graph.keys()) {
    const stack: number[] = [];
    const predecessors = new Map<number, number[]>();
    const paths = new Map<number, number>([[source, 1]]);
    const distance = new Map<number, number>([[source, 0]]);
    const queue: number[] = [source];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head] as number;
      stack.push(v);
      const dv = distance.get(v) ?? 0;
      for (const w of graph.get(v) ?? []) {
        if (!distance.has(w)) {
          distance.set(w, dv + 1);
          queue.push(w);
        }
        if (distance.get(w) === dv + 1) {
          paths.set(w, (paths.get(w) ?? 0) + (paths.get(v) ?? 0));
          const list = predecessors.get(w);
          if (list) list.push(v);
          else predecessors.set(w, [v]);
        }
      }
    }
    const dependency = new Map<number, number>();
    while (stack.length > 0) {
      const w = stack.pop() as number;
      const sw = paths.get(w) ?? 1;
      const dw = dependency.get(w) ?? 0;
      for (const v of predecessors.get(w) ?? []) {
        const share = ((paths.get(v) ?? 0) / sw) * (1 + dw);
        dependency.set(v, (dependency.get(v) ?? 0) + share);
      }
      if (w !== source) centrality.set(w, (centrality.get(w) ?? 0) + dw);
    }
  }
  for (const [node, value] of centrality) centrality.set(node, value / 2);
  return centrality;
}

/**
 * Betweenness scaled to [0, 1]: divided by the number of pairs of other nodes, (n-1)(n-2)/2.
 * Graphs of fewer than three nodes have no node between others: all zero.
 */
export function normalizedBetweenness(graph: Adjacency): Map<number, number> {
  const raw = betweenness(graph);
  const n = graph.size;
  const pairs = ((n - 1) * (n - 2)) / 2;
  return new Map([...raw].map(([node, value]) => [node, pairs > 0 ? value / pairs : 0]));
}
