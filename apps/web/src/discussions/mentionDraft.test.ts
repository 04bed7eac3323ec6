// The composer's @-autocomplete: when it opens, and the text once a name is picked.
import { describe, expect, it } from 'vitest';
import { activeMentionQuery, insertMention } from './mentionDraft';

describe('activeMentionQuery', () => {
  it('finds the name being typed after an @', () => {
    expect(activeMentionQuery('Hello @Bol', 10)).toEqual({ start: 6, query: 'Bol' });
    expect(activeMentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(activeMentionQuery('to @Buenos Ai', 13)).toEqual({ start: 3, query: 'Buenos Ai' });
  });

  it('stays closed for an email address, a new line or a finished sentence', () => {
    expect(activeMentionQuery('ana@bol', 7)).toBeNull();
    expect(activeMentionQuery('@Bologna\nnext', 13)).toBeNull();
    expect(activeMentionQuery('@ space', 7)).toBeNull();
    expect(activeMentionQuery('@Bologna and then we went on', 28)).toBeNull();
    expect(activeMentionQuery('no mention', 10)).toBeNull();
  });

  it('reads up to the caret, not to the end of the text', () => {
    expect(activeMentionQuery('Hi @Bo and more', 6)).toEqual({ start: 3, query: 'Bo' });
  });
});

describe('insertMention', () => {
  it('replaces the typed query with the full name and a space', () => {
    const result = insertMention('Hi @popa', { start: 3, query: 'popa' }, 8, 'Popayán');
    expect(result).toEqual({ text: 'Hi @Popayán ', caret: 12 });
  });

  it('keeps the text after the caret and does not double a space', () => {
    const result = insertMention('Hi @Bo see you', { start: 3, query: 'Bo' }, 6, 'Bologna');
    expect(result).toEqual({ text: 'Hi @Bologna see you', caret: 12 });
  });
});
