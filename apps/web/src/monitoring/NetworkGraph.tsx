// The cooperation network drawn with sigma (WebGL) after a ForceAtlas2 layout; loaded lazily.
import { Alert, Box, DEFAULT_THEME, Group, Paper, Stack, Text } from '@mantine/core';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Sigma from 'sigma';
import { fieldColor } from '../fields/colors';
import {
  type EdgeAttributes,
  type NodeAttributes,
  partnersOf,
  toSigmaAttributes,
} from './graph-attributes';
import type { CooperationGraph } from './types';

/** Enough for a few hundred cities to settle; the layout runs once per data change. */
const LAYOUT_ITERATIONS = 200;
const DIMMED = '#e9ecef';

const fieldHex = (slug: string) => DEFAULT_THEME.colors[fieldColor(slug)]?.[6] ?? '#868e96';

export default function NetworkGraph({
  graph,
  height,
  onSelect,
}: {
  graph: CooperationGraph;
  height: number;
  /** Called with the city clicked. */
  onSelect: (slug: string) => void;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const hoveredRef = useRef<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const names = useMemo(() => new Map(graph.nodes.map((n) => [n.city.slug, n.city.name])), [graph]);
  // The renderer is built once per graph; a ref keeps the latest callback without rebuilding it.
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    if (!container.current) return;
    const model = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected' });
    const { nodes, edges } = toSigmaAttributes(graph, fieldHex);
    for (const node of nodes) model.addNode(node.key, node.attributes);
    for (const edge of edges) {
      if (!model.hasEdge(edge.source, edge.target)) {
        model.addEdge(edge.source, edge.target, edge.attributes);
      }
    }
    if (model.order > 1) {
      forceAtlas2.assign(model, {
        iterations: LAYOUT_ITERATIONS,
        // Strong gravity packs the many cities without a partner, so the pairs stand out.
        settings: {
          ...forceAtlas2.inferSettings(model),
          edgeWeightInfluence: 1,
          strongGravityMode: true,
          // Partners pulled together would otherwise sit on top of each other, hiding the edge.
          adjustSizes: true,
        },
      });
    }
    let renderer: Sigma<NodeAttributes, EdgeAttributes>;
    try {
      renderer = new Sigma(model, container.current, {
        labelRenderedSizeThreshold: 9,
        nodeReducer: (node, data) => {
          const focus = hoveredRef.current;
          if (!focus || node === focus || model.areNeighbors(node, focus)) {
            return { ...data, highlighted: node === focus };
          }
          return { ...data, color: DIMMED, label: '' };
        },
        edgeReducer: (edge, data) => {
          const focus = hoveredRef.current;
          if (!focus || model.hasExtremity(edge, focus)) return data;
          return { ...data, hidden: true };
        },
      });
    } catch (error) {
      // No WebGL (an old browser, a locked-down machine): say so instead of a blank box.
      setFailure(error instanceof Error ? error.message : String(error));
      return;
    }
    setFailure(null);
    const focus = (node: string | null) => {
      hoveredRef.current = node;
      setHovered(node);
      renderer.refresh({ skipIndexation: true });
    };
    renderer.on('enterNode', ({ node }) => focus(node));
    renderer.on('leaveNode', () => focus(null));
    renderer.on('clickNode', ({ node }) => onSelectRef.current(node));
    return () => renderer.kill();
  }, [graph]);

  const partners = hovered ? partnersOf(graph.edges, hovered) : [];
  const fields = [...new Set(graph.nodes.map((n) => n.city.field.slug))].sort();

  return (
    <Stack gap="xs">
      {failure && (
        <Alert color="yellow" title={t('monitoring.graph.noWebgl')}>
          {failure}
        </Alert>
      )}
      <Box pos="relative">
        <Box
          ref={container}
          data-testid="network-graph"
          h={height}
          style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
          aria-label={t('monitoring.graph.label', {
            nodes: graph.nodes.length,
            edges: graph.edges.length,
          })}
          role="img"
        />
        {hovered && (
          <Paper
            withBorder
            shadow="sm"
            p="sm"
            pos="absolute"
            top={8}
            left={8}
            maw={260}
            data-testid="graph-hover"
          >
            <Text fw={650}>{names.get(hovered) ?? hovered}</Text>
            {partners.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('monitoring.graph.noPartners')}
              </Text>
            ) : (
              partners.slice(0, 12).map((p) => (
                <Text key={p.slug} fz="sm">
                  {names.get(p.slug) ?? p.slug} ·{' '}
                  {t('monitoring.graph.shared', { count: p.weight })}
                </Text>
              ))
            )}
          </Paper>
        )}
      </Box>
      <Group gap="md">
        {fields.map((slug) => {
          const node = graph.nodes.find((n) => n.city.field.slug === slug);
          return (
            <Group key={slug} gap={4}>
              <Box w={10} h={10} style={{ borderRadius: 5, background: fieldHex(slug) }} />
              <Text fz="xs">{node?.city.field.name ?? slug}</Text>
            </Group>
          );
        })}
      </Group>
      <Text fz="xs" c="dimmed">
        {t('monitoring.graph.hint')} {t('monitoring.graph.clickHint')}
      </Text>
    </Stack>
  );
}
