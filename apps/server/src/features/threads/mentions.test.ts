import { describe, expect, it } from 'vitest';
import { findMentions, type MentionCandidate, mentionPrefixes } from './mentions';

const candidates: MentionCandidate[] = [
  { type: 'city', id: 'bologna', name: 'Bologna' },
  { type: 'city', id: 'buenos-aires', name: 'Buenos Aires', aliases: ['buenos-aires'] },
  { type: 'city', id: 'popayan', name: 'Popayán' },
  { type: 'user', id: 'u1', name: 'Ana Lima' },
  { type: 'user', id: 'u2', name: 'Ana' },
];

describe('mentions', () => {
  it('finds cities and people by their longest name, without case or accents', () => {
    const body = 'Hello @bologna and @Buenos Aires, cc @Ana Lima and @popayan!';
    expect(
      findMentions(body, candidates).map(({ type, id, start, end }) => [
        type,
        id,
        body.slice(start, end),
      ]),
    ).toEqual([
      ['city', 'bologna', '@bologna'],
      ['city', 'buenos-aires', '@Buenos Aires'],
      ['user', 'u1', '@Ana Lima'],
      ['city', 'popayan', '@popayan'],
    ]);
  });

  it('accepts a city slug as an alias', () => {
    expect(findMentions('see @buenos-aires', candidates)).toMatchObject([{ id: 'buenos-aires' }]);
  });

  it('ignores e-mail addresses, unknown names and names that run on into a longer word', () => {
    expect(findMentions('mail ana@bologna.it or @Bolognaise or @Nobody', candidates)).toEqual([]);
  });

  it('gives the first word after each @ for looking people up', () => {
    expect(mentionPrefixes('@Ana Lima and @ana, mail x@y.z, @Buenos Aires')).toEqual([
      'ana',
      'buenos',
    ]);
  });
});
