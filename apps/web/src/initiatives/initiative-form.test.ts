import { describe, expect, it } from 'vitest';
import { datesInOrder, parseLinks } from './initiative-form';

describe('parseLinks', () => {
  it('reads labelled and bare links, one per line', () => {
    expect(parseLinks('Site | https://a.org/x\n\nhttp://b.net')).toEqual({
      links: [
        { label: 'Site', url: 'https://a.org/x' },
        { label: 'b.net', url: 'http://b.net' },
      ],
      invalid: [],
    });
  });

  it('returns lines that are not http(s) addresses', () => {
    expect(parseLinks('javascript:alert(1)\nnot a link').invalid).toEqual([
      'javascript:alert(1)',
      'not a link',
    ]);
  });
});

describe('datesInOrder', () => {
  it('accepts missing dates and rejects an end before the start', () => {
    expect(datesInOrder('', '2024-01-01')).toBe(true);
    expect(datesInOrder('2024-02-01', '2024-01-01')).toBe(false);
  });
});
