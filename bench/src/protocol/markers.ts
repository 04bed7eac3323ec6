// The text each simulated edit inserts: a fixed-width marker naming the edit, so a probe can find
// every edit in a frame by scanning its bytes, even when the server merged several updates.

/** `#` + 8 hex digits + `;` = 10 bytes, the size of a small typed insert. */
export const MARKER_LENGTH = 10;
const HASH = 0x23;
const SEMICOLON = 0x3b;

/** The inserted text for edit `id`. */
export function markerText(id: number): string {
  return `#${id.toString(16).padStart(8, '0')};`;
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  return -1;
}

/**
 * Calls `found(id)` for every marker in `bytes`. Yjs writes inserted strings verbatim (UTF-8)
 * in v1 updates, so no Yjs decoding is needed; a random byte run that looks like a marker is
 * rejected later when its id is not an edit of the same document.
 */
export function scanMarkers(bytes: Uint8Array, found: (id: number) => void) {
  let from = bytes.indexOf(HASH);
  while (from !== -1 && from + MARKER_LENGTH <= bytes.length) {
    if (bytes[from + MARKER_LENGTH - 1] === SEMICOLON) {
      let id = 0;
      let valid = true;
      for (let i = 1; i < MARKER_LENGTH - 1; i++) {
        const digit = hexValue(bytes[from + i] ?? 0);
        if (digit < 0) {
          valid = false;
          break;
        }
        id = id * 16 + digit;
      }
      if (valid) {
        found(id);
        from = bytes.indexOf(HASH, from + MARKER_LENGTH);
        continue;
      }
    }
    from = bytes.indexOf(HASH, from + 1);
  }
}
