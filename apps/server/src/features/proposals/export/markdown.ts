// Export blocks as GitHub-flavoured Markdown: text escaped so that it reads back as the same
// text (no stray emphasis, headings, lists or raw HTML), marks as the shortest delimiters.
import type { Block, Cover, ExportDocument, Inline, Marks } from './types';

/** Characters that start Markdown syntax anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>~|&]/g;

/**
 * Text escaped for a Markdown line.
 * @example escapeText('2 * 3 <b>') // "2 \\* 3 \\<b\\>"
 */
export function escapeText(text: string): string {
  return text.replace(INLINE_SPECIAL, (char) => `\\${char}`);
}

/** What would start a block (heading, list, quote, setext underline, code indent) at a line start. */
function escapeLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, '');
  const ordered = /^(\d{1,9})([.)])/.exec(trimmed);
  if (ordered) return `${ordered[1]}\\${trimmed.slice(ordered[1]?.length ?? 0)}`;
  return /^[#+\-=]/.test(trimmed) ? `\\${trimmed}` : trimmed;
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function linkTarget(href: string): string {
  return href.replace(/[ ()<>]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Marks in nesting order, outermost first; code is innermost because nothing nests in it. */
type MarkKey = 'link' | 'bold' | 'italic' | 'strike' | 'underline' | 'code';
const ORDER: MarkKey[] = ['link', 'bold', 'italic', 'strike', 'underline', 'code'];
interface OpenMark {
  key: MarkKey;
  href?: string;
}

const opener = (mark: OpenMark) =>
  ({ link: '[', bold: '**', italic: '*', strike: '~~', underline: '<ins>', code: '' })[mark.key];
const closer = (mark: OpenMark) =>
  mark.key === 'link'
    ? `](${linkTarget(mark.href ?? '')})`
    : { bold: '**', italic: '*', strike: '~~', underline: '</ins>', code: '' }[mark.key];

const wanted = (marks: Marks): OpenMark[] =>
  ORDER.filter((key) => marks[key] !== undefined).map((key) =>
    key === 'link' ? { key, href: marks.link ?? '' } : { key },
  );
const same = (a: OpenMark, b: OpenMark) => a.key === b.key && a.href === b.href;

/**
 * A line of runs. Marks open and close between runs like a stack, and whitespace at a run's edge
 * goes outside the delimiters, since `** bold**` is not emphasis in Markdown.
 */
function renderLine(runs: { text: string; marks: Marks }[]): string {
  let out = '';
  let pendingSpace = '';
  const stack: OpenMark[] = [];
  const closeTo = (depth: number) => {
    while (stack.length > depth) {
      const mark = stack.pop();
      if (mark) out += closer(mark);
    }
  };
  for (const run of runs) {
    const target = wanted(run.marks);
    const core = run.text.trim();
    let keep = 0;
    while (
      keep < stack.length &&
      keep < target.length &&
      same(stack[keep] as OpenMark, target[keep] as OpenMark)
    ) {
      keep += 1;
    }
    if (core === '') {
      // Only spaces: close what this run lacks, open nothing.
      const before = stack.length;
      closeTo(keep);
      out += stack.length < before ? pendingSpace : '';
      pendingSpace = (stack.length < before ? '' : pendingSpace) + run.text;
      continue;
    }
    closeTo(keep);
    out += pendingSpace + run.text.slice(0, run.text.length - run.text.trimStart().length);
    pendingSpace = run.text.slice(run.text.trimEnd().length);
    for (const mark of target.slice(keep)) {
      if (mark.key === 'code') continue;
      out += opener(mark);
      stack.push(mark);
    }
    out += run.marks.code ? codeSpan(core) : escapeText(core);
  }
  closeTo(0);
  return escapeLineStart(out);
}

/** Inline content as Markdown lines; a hard break ends a line with a backslash. */
function renderInline(content: Inline[], breaks = true): string {
  const lines: { text: string; marks: Marks }[][] = [[]];
  for (const inline of content) {
    if (inline.kind === 'break') {
      if (breaks) lines.push([]);
      else lines.at(-1)?.push({ text: ' ', marks: {} });
    } else {
      lines.at(-1)?.push(inline);
    }
  }
  return lines
    .map(renderLine)
    .filter((line, index, all) => line !== '' || index < all.length - 1)
    .join('\\\n');
}

function indent(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? first + line : line === '' ? '' : rest + line))
    .join('\n');
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'heading': {
      // A trailing `#` would read as the heading's optional closing sequence.
      const text = renderInline(block.content, false).replace(/#$/, '\\#');
      return `${'#'.repeat(block.level)} ${text}`.trimEnd();
    }
    case 'paragraph':
      return renderInline(block.content);
    case 'bulletList':
      return block.items.map((item) => indent(renderItem(item.blocks), '- ', '  ')).join('\n');
    case 'orderedList':
      return block.items
        .map((item, index) => {
          const marker = `${block.start + index}. `;
          return indent(renderItem(item.blocks), marker, ' '.repeat(marker.length));
        })
        .join('\n');
    case 'blockquote':
      return renderBlocks(block.blocks)
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'codeBlock': {
      const longest = Math.max(0, ...(block.text.match(/^`{3,}/gm) ?? []).map((r) => r.length));
      const fence = '`'.repeat(Math.max(3, longest + 1));
      const info = (block.language ?? '').replace(/[`\s]/g, '');
      return `${fence}${info}\n${block.text}${block.text.endsWith('\n') || block.text === '' ? '' : '\n'}${fence}`;
    }
    case 'horizontalRule':
      return '---';
  }
}

function renderBlocks(blocks: Block[]): string {
  return blocks.map(renderBlock).join('\n\n');
}

/** A list item's blocks; a nested list follows its line directly, so that the list stays tight. */
function renderItem(blocks: Block[]): string {
  return blocks
    .map((block, index) => {
      const separator = block.type === 'bulletList' || block.type === 'orderedList' ? '\n' : '\n\n';
      return (index === 0 ? '' : separator) + renderBlock(block);
    })
    .join('');
}

function renderCover(cover: Cover): string {
  const title: Inline = { kind: 'text', text: cover.title.trim(), marks: {} };
  const parts = [renderBlock({ type: 'heading', level: 1, content: [title] })];
  const summary = cover.summary.trim();
  if (summary) {
    parts.push(
      renderInline(
        summary
          .split(/\r?\n/)
          .flatMap((line, index): Inline[] => [
            ...(index ? [{ kind: 'break' } as const] : []),
            { kind: 'text', text: line, marks: { italic: true } },
          ]),
      ),
    );
  }
  parts.push(
    cover.facts
      .map((fact) => `- **${escapeText(fact.label)}:** ${escapeText(fact.value)}`)
      .join('\n'),
  );
  return parts.join('\n\n');
}

/**
 * The proposal as a Markdown file: the cover, a rule, then the body.
 * @example toMarkdown({ cover, body }) // "# Title\n\n- **Status:** Draft\n…"
 */
export function toMarkdown(document: ExportDocument): string {
  const body = renderBlocks(document.body);
  return `${renderCover(document.cover)}\n\n---\n${body ? `\n${body}\n` : ''}`;
}
