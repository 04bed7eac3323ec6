// One Mantine colour per creative field, shared by badges, map dots and the legend.
import type { MantineColor } from '@mantine/core';

/** Colours of the seven fields designated so far. */
export const FIELD_COLORS: Readonly<Record<string, MantineColor>> = {
  'crafts-and-folk-art': 'orange',
  design: 'cyan',
  film: 'red',
  gastronomy: 'green',
  literature: 'indigo',
  'media-arts': 'pink',
  music: 'grape',
};

/** For a field added after this list was written (Architecture, say): neutral, still readable. */
export const DEFAULT_FIELD_COLOR: MantineColor = 'gray';

/**
 * The Mantine colour of a field.
 *
 * @example fieldColor('music') // 'grape'
 */
export function fieldColor(slug: string): MantineColor {
  return Object.hasOwn(FIELD_COLORS, slug)
    ? (FIELD_COLORS[slug] ?? DEFAULT_FIELD_COLOR)
    : DEFAULT_FIELD_COLOR;
}

/** A CSS colour for SVG fills, from the theme's variables (shade 6 is the one badges use). */
export function fieldCssColor(slug: string, shade = 6): string {
  return `var(--mantine-color-${fieldColor(slug)}-${shade})`;
}
