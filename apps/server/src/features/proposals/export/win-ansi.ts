// Text for the PDF's standard fonts (Helvetica, Courier), which encode WinAnsi only: Latin-1 and a
// few typographic signs. Other Latin letters lose their accents; other scripts become "?".

/** Characters above Latin-1 that WinAnsi has (pdfkit's WIN_ANSI_MAP). */
const EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Letters that do not decompose into a base letter and an accent. */
const LOOKALIKE: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u2009': ' ',
  '\u202f': ' ',
};

const encodable = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || EXTRA.has(char);
};

/**
 * The text as the standard PDF fonts can print it.
 * @example toWinAnsi('Łódź, Popayán, 東京') // "Lódz, Popayán, ??"
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (encodable(char) || char === '\n') {
      out += char;
      continue;
    }
    const lookalike = LOOKALIKE[char];
    if (lookalike) {
      out += lookalike;
      continue;
    }
    const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += base !== '' && [...base].every(encodable) ? base : char === '\t' ? '    ' : '?';
  }
  return out;
}
