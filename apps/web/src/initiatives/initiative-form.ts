// The "New initiative" form's pure parts: links typed one per line, dates checked.

/**
 * Links typed one per line, as `label | url` or a bare url (then its host is the label). Lines
 * that are not http(s) addresses are returned as `invalid`.
 *
 * @example parseLinks('Site | https://a.org') // { links: [{ label: 'Site', url: 'https://a.org' }], invalid: [] }
 */
export function parseLinks(text: string): {
  links: { label: string; url: string }[];
  invalid: string[];
} {
  const links: { label: string; url: string }[] = [];
  const invalid: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const bar = line.lastIndexOf('|');
    const label = bar >= 0 ? line.slice(0, bar).trim() : '';
    const url = (bar >= 0 ? line.slice(bar + 1) : line).trim();
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
      links.push({ label: label || parsed.host, url });
    } catch {
      // Not an address: the form shows the line back to the user.
      invalid.push(line);
    }
  }
  return { links, invalid };
}

/** The end date may not come before the start date (ISO dates compare as strings). */
export function datesInOrder(start: string, end: string): boolean {
  return start === '' || end === '' || start <= end;
}
