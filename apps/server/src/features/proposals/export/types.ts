// The exported document as every format sees it: a cover of labelled facts, then the body as
// blocks of inline runs, built once from the Yjs document and rendered by each writer.

/** Marks of a run of text; Tiptap's StarterKit marks. */
export interface Marks {
  bold?: true;
  italic?: true;
  strike?: true;
  underline?: true;
  code?: true;
  /** The link target, kept only when its scheme is safe (http, https, mailto, tel). */
  link?: string;
}

export type Inline = { kind: 'text'; text: string; marks: Marks } | { kind: 'break' };

export interface ListItem {
  blocks: Block[];
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'bulletList'; items: ListItem[] }
  | { type: 'orderedList'; start: number; items: ListItem[] }
  | { type: 'blockquote'; blocks: Block[] }
  | { type: 'codeBlock'; language: string | null; text: string }
  | { type: 'horizontalRule' };

/** One line of the cover, e.g. `{ label: 'Lead city', value: 'Bologna (Italy)' }`. */
export interface CoverFact {
  label: string;
  value: string;
}

export interface Cover {
  title: string;
  summary: string;
  facts: CoverFact[];
}

export interface ExportDocument {
  cover: Cover;
  body: Block[];
}

export const EXPORT_FORMATS = ['md', 'pdf', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
