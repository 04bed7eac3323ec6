// Message bodies render as text, links and mentions; only http(s) ever becomes a link.
import type { Mention } from '@uccn/protocol';
import { describe, expect, it } from 'vitest';
import { bodySegments, linkSegments } from './richText';

describe('linkSegments', () => {
  it('turns http and https URLs into links, without the punctuation after them', () => {
    expect(
      linkSegments('See https://en.unesco.org/creative-cities. And http://a.test/x?y=1, ok'),
    ).toEqual([
      { kind: 'text', text: 'See ' },
      {
        kind: 'link',
        text: 'https://en.unesco.org/creative-cities',
        href: 'https://en.unesco.org/creative-cities',
      },
      { kind: 'text', text: '. And ' },
      { kind: 'link', text: 'http://a.test/x?y=1', href: 'http://a.test/x?y=1' },
      { kind: 'text', text: ', ok' },
    ]);
  });

  it('keeps balanced brackets and drops an unbalanced closing one', () => {
    const wiki = 'https://en.wikipedia.org/wiki/Popay%C3%A1n_(Colombia)';
    expect(linkSegments(`(${wiki})`)).toEqual([
      { kind: 'text', text: '(' },
      { kind: 'link', text: wiki, href: wiki },
      { kind: 'text', text: ')' },
    ]);
  });

  it('leaves javascript:, data: and other schemes as text', () => {
    for (const text of [
      'javascript:alert(1)',
      'click javascript://%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://files.test/a',
      'mailto:a@b.test',
    ]) {
      expect(linkSegments(text)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('does not start a link inside a word and leaves a bare scheme as text', () => {
    expect(linkSegments('xhttps://a.test')).toEqual([{ kind: 'text', text: 'xhttps://a.test' }]);
    expect(linkSegments('http:// nothing')).toEqual([{ kind: 'text', text: 'http:// nothing' }]);
  });

  it('keeps markup as text', () => {
    const text = '<script>alert(1)</script> <a href="javascript:x">y</a>';
    expect(linkSegments(text)).toEqual([{ kind: 'text', text }]);
  });
});

describe('bodySegments', () => {
  const mention = (start: number, end: number, name: string): Mention => ({
    type: 'city',
    id: name.toLowerCase(),
    name,
    start,
    end,
  });

  it('cuts the body at the mention ranges and links the text between', () => {
    const body = 'Hi @Bologna, see https://a.test and @Buenos Aires';
    const segments = bodySegments(body, [
      mention(36, 49, 'Buenos Aires'),
      mention(3, 11, 'Bologna'),
    ]);
    expect(segments.map((s) => [s.kind, s.text])).toEqual([
      ['text', 'Hi '],
      ['mention', '@Bologna'],
      ['text', ', see '],
      ['link', 'https://a.test'],
      ['text', ' and '],
      ['mention', '@Buenos Aires'],
    ]);
  });

  it('counts ranges in UTF-16 code units, as the server does', () => {
    const body = '🎉 @Popayán!';
    const segments = bodySegments(body, [mention(3, 11, 'Popayán')]);
    expect(segments.map((s) => s.text)).toEqual(['🎉 ', '@Popayán', '!']);
  });

  it('ignores ranges that overlap or fall outside the body', () => {
    const body = '@Bologna';
    const segments = bodySegments(body, [
      mention(0, 8, 'Bologna'),
      mention(2, 5, 'x'),
      mention(6, 40, 'y'),
    ]);
    expect(segments.map((s) => [s.kind, s.text])).toEqual([['mention', '@Bologna']]);
  });
});
