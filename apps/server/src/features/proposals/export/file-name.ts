// The Content-Disposition of a download: an ASCII file name any client accepts, and the title as
// typed in RFC 5987's `filename*` for those that read it.

const MAX_NAME = 80;

/** RFC 5987 attr-char: what may stay unencoded in `filename*`. */
const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** The title as a file name stem: no path separators, control or reserved characters. */
function stem(title: string) {
  return (
    title
      .normalize('NFC')
      .replace(/[\p{Cc}\p{Cf}\\/:*?"<>|]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[.\s]+/, '')
      .slice(0, MAX_NAME)
      .trim() || 'proposal'
  );
}

function asciiStem(title: string) {
  return (
    stem(title)
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-.]+|-+$/g, '') || 'proposal'
  );
}

/**
 * `attachment` with a safe name for the file of a proposal.
 * @example contentDisposition('Popayán & Montréal', 'pdf')
 * // `attachment; filename="Popayan-Montreal.pdf"; filename*=UTF-8''Popay%C3%A1n%20%26%20Montr%C3%A9al.pdf`
 */
export function contentDisposition(title: string, extension: string): string {
  const ascii = `${asciiStem(title)}.${extension}`;
  const full = `${stem(title)}.${extension}`;
  return full === ascii
    ? `attachment; filename="${ascii}"`
    : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(full)}`;
}
