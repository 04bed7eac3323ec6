import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and quotes what needs quoting', () => {
    expect(
      toCsv(
        ['city', 'note', 'count'],
        [
          { city: 'Bologna, IT', note: 'said "yes"\nthen left', count: 2 },
          { city: 'Dakar', note: null, count: 0 },
        ],
      ),
    ).toBe('city,note,count\r\n"Bologna, IT","said ""yes""\nthen left",2\r\nDakar,,0\r\n');
  });

  it('keeps spreadsheet formulas as text', () => {
    expect(toCsv(['a'], [{ a: '=HYPERLINK("x")' }])).toBe('a\r\n"\'=HYPERLINK(""x"")"\r\n');
    expect(toCsv(['a'], [{ a: -3 }])).toBe('a\r\n-3\r\n');
  });
});
