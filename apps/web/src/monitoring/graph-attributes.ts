// The cooperation graph as sigma draws it: positions, sizes and colours from the API's numbers.
import type { CooperationGraph, GraphEdge } from './types';

export interface NodeAttributes {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  field: string;
}

export interface EdgeAttributes {
  size: number;
  weight: number;
  color: string;
}

const MIN_NODE = 3;
const MAX_NODE = 16;
const MIN_EDGE = 1;
const MAX_EDGE = 6;
const EDGE_COLOR = '#495057';

/**
 * A node's size: its area grows with activity, so a city twice as active is not twice as wide.
 *
 * @example nodeSize(0, 10) // 3
 */
export function nodeSize(activity: number, maxActivity: number): number {
  if (maxActivity <= 0) return MIN_NODE;
  return MIN_NODE + (MAX_NODE - MIN_NODE) * Math.sqrt(Math.max(activity, 0) / maxActivity);
}

/** An edge's width, linear in how many collaborations the pair shares. */
export function edgeSize(weight: number, maxWeight: number): number {
  if (maxWeight <= 0) return MIN_EDGE;
  return MIN_EDGE + (MAX_EDGE - MIN_EDGE) * (Math.max(weight, 0) / maxWeight);
}

/**
 * Nodes and edges with sigma's attributes. Cities start where they are on Earth (longitude,
 * latitude), so the layout that follows is the same on every visit and roughly geographic.
 */
export function toSigmaAttributes(
  graph: CooperationGraph,
  colorOf: (fieldSlug: string) => string,
): {
  nodes: { key: string; attributes: NodeAttributes }[];
  edges: { source: string; target: string; attributes: EdgeAttributes }[];
} {
  const maxActivity = Math.max(0, ...graph.nodes.map((n) => n.activity));
  const maxWeight = Math.max(0, ...graph.edges.map((e) => e.weight));
  const keys = new Set(graph.nodes.map((n) => n.city.slug));
  return {
    nodes: graph.nodes.map((node, index) => ({
      key: node.city.slug,
      attributes: {
        label: node.city.name,
        // A city without coordinates gets a spot on a small circle rather than all on one point.
        x: node.city.lon ?? Math.cos(index) * 10,
        y: node.city.lat ?? Math.sin(index) * 10,
        size: nodeSize(node.activity, maxActivity),
        color: colorOf(node.city.field.slug),
        field: node.city.field.slug,
      },
    })),
    edges: graph.edges
      .filter((e) => keys.has(e.source) && keys.has(e.target) && e.source !== e.target)
      .map((edge) => ({
        source: edge.source,
        target: edge.target,
        attributes: {
          size: edgeSize(edge.weight, maxWeight),
          weight: edge.weight,
          color: EDGE_COLOR,
        },
      })),
  };
}

/**
 * A city's partners, the closest (most collaborations) first.
 *
 * @example partnersOf([{ source: 'a', target: 'b', weight: 2 }], 'b') // [{ slug: 'a', weight: 2 }]
 */
export function partnersOf(
  edges: Pick<GraphEdge, 'source' | 'target' | 'weight'>[],
  slug: string,
): { slug: string; weight: number }[] {
  const out: { slug: string; weight: number }[] = [];
  for (const edge of edges) {
    if (edge.source === slug) out.push({ slug: edge.target, weight: edge.weight });
    else if (edge.target === slug) out.push({ slug: edge.source, weight: edge.weight });
  }
  return out.sort((a, b) => b.weight - a.weight || a.slug.localeCompare(b.slug));
}
