// The Mantine theme: UNESCO blue as the primary colour, calm greys, generous radii and spacing.
import { type CSSVariablesResolver, createTheme, type MantineThemeOverride } from '@mantine/core';

/** Shades around UNESCO's blue (#0077d4, shade 6), light to dark. */
const unesco: [string, string, string, string, string, string, string, string, string, string] = [
  '#e7f2fc',
  '#cfe4f8',
  '#a2cbf1',
  '#70afea',
  '#4697e3',
  '#2687dc',
  '#0077d4',
  '#0067b9',
  '#005aa3',
  '#00498a',
];

export const theme: MantineThemeOverride = createTheme({
  primaryColor: 'unesco',
  primaryShade: 6,
  colors: { unesco },
  defaultRadius: 'md',
  fontFamily:
    'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  headings: {
    fontFamily:
      'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
    fontWeight: '650',
  },
  components: {
    Paper: { defaultProps: { radius: 'md' } },
    Button: { defaultProps: { radius: 'md' } },
  },
});

/** App-level CSS variables: the map's sea and land, so both maps share them. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--uccn-sea': '#f2f7fc',
    '--uccn-land': '#dbe4ee',
    '--uccn-land-stroke': '#ffffff',
    '--uccn-map-outline': '#c9d6e2',
    '--uccn-page': '#f6f8fa',
  },
  dark: {
    '--uccn-sea': '#16202b',
    '--uccn-land': '#2a3542',
    '--uccn-land-stroke': '#1a1b1e',
    '--uccn-map-outline': '#3c4a59',
    '--uccn-page': '#1a1b1e',
  },
});
