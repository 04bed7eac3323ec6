// Latitude and longitude written for people, in the user's language.

/**
 * Degrees with two decimals and a compass letter, in the language's number format.
 *
 * @example formatCoordinates(36.5613, 136.6562, 'fr') // '36,56° N, 136,66° E'
 */
export function formatCoordinates(lat: number, lon: number, lang: string): string {
  const n = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const northSouth = lat >= 0 ? 'N' : 'S';
  // French writes west as "O" (ouest).
  const eastWest = lon >= 0 ? 'E' : lang === 'fr' ? 'O' : 'W';
  return `${n.format(Math.abs(lat))}° ${northSouth}, ${n.format(Math.abs(lon))}° ${eastWest}`;
}
