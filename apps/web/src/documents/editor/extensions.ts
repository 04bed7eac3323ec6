// The editor's schema and the carets of others: shared by the live editor and version previews.
import type { Extensions } from '@tiptap/core';
import { Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import { participantOf } from './presence';

/**
 * The body's nodes and marks. Undo and redo come from the Collaboration extension (y-undo,
 * which undoes only this user's edits), so StarterKit's own history is off.
 */
export function bodyExtensions(placeholder?: string): Extensions {
  const base = StarterKit.configure({
    undoRedo: false,
    heading: { levels: [1, 2, 3] },
    link: { openOnClick: false },
  });
  return placeholder ? [base, Placeholder.configure({ placeholder })] : [base];
}

/** Another person's caret: a thin bar in their colour and a label with their name and city. */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const person = participantOf({ user });
  const color = typeof user.color === 'string' ? user.color : '#868e96';
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;

  const label = document.createElement('div');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.append(document.createTextNode(person?.name ?? ''));
  if (person?.city) {
    const city = document.createElement('span');
    city.className = 'collaboration-carets__city';
    city.append(document.createTextNode(person.city));
    label.append(city);
  }
  caret.append(label);
  return caret;
}
