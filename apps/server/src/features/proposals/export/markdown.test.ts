import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FIELD } from '../document-body';
import { bodyBlocks } from './body-model';
import { escapeText, toMarkdown } from './markdown';

type Part = string | [string, Record<string, unknown>];

/** An XmlText as y-prosemirror writes it: marks as formatting attributes. */
function text(...parts: Part[]) {
  const node = new Y.XmlText();
  let at = 0;
  for (const part of parts) {
    const [value, marks] = typeof part === 'string' ? [part, {}] : part;
    node.insert(at, value, marks);
    at += value.length;
  }
  return node;
}

function el(
  name: string,
  attrs: Record<string, unknown>,
  ...children: (Y.XmlElement | Y.XmlText)[]
) {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

const p = (...parts: Part[]) => el('paragraph', {}, text(...parts));
const li = (...children: Y.XmlElement[]) => el('listItem', {}, ...children);

function documentWith(...blocks: Y.XmlElement[]) {
  const doc = new Y.Doc();
  doc.getXmlFragment(BODY_FIELD).insert(0, blocks);
  return doc;
}

describe('Markdown export', () => {
  it('writes every node and mark of the editor', () => {
    const doc = documentWith(
      el('heading', { level: 1 }, text('Plan # one #')),
      el(
        'paragraph',
        {},
        text(
          'Plain ',
          ['bold', { bold: {} }],
          ' ',
          ['italic', { italic: {} }],
          ' ',
          ['gone', { strike: {} }],
          ' ',
          ['a`b', { code: {} }],
          ' ',
          ['under', { underline: {} }],
          ' and ',
          ['a link', { link: { href: 'https://example.org/a b', target: '_blank' } }],
        ),
        el('hardBreak', {}),
        text('next line'),
      ),
      p('Escapes: 2 * 3 _x_ # not a heading <script>alert(1)</script> [x](y) & ~ |'),
      p('# starts like a heading'),
      p('1. starts like a list'),
      p('- starts like a bullet'),
      el('paragraph', {}),
      el(
        'bulletList',
        {},
        li(p('one')),
        li(p('two'), el('bulletList', {}, li(p(['nested', { bold: {} }])))),
      ),
      el('orderedList', { start: 3 }, li(p('three')), li(p('four'))),
      el('blockquote', {}, p('quoted'), p('again')),
      el('codeBlock', { language: 'ts' }, text('const a = 1;\n// *not* escaped')),
      el('horizontalRule', {}),
      p(['both ', { bold: {} }], ['ends', { bold: {}, italic: {} }], ' after'),
      p(['click', { 'link--AbCd1234': { href: 'javascript:alert(1)' } }], ' here'),
      el('heading', { level: 3 }, text('Small')),
    );
    const markdown = toMarkdown({
      cover: {
        title: 'Popayán *food*',
        summary: 'Two cities.\nOne table.',
        facts: [
          { label: 'Status', value: 'Draft' },
          { label: 'Lead city', value: 'Popayán (Colombia)' },
        ],
      },
      body: bodyBlocks(doc),
    });
    expect(markdown).toBe(
      [
        '# Popayán \\*food\\*',
        '',
        '*Two cities.*\\',
        '*One table.*',
        '',
        '- **Status:** Draft',
        '- **Lead city:** Popayán (Colombia)',
        '',
        '---',
        '',
        '# Plan # one \\#',
        '',
        'Plain **bold** *italic* ~~gone~~ ``a`b`` <ins>under</ins> and [a link](https://example.org/a%20b)\\',
        'next line',
        '',
        'Escapes: 2 \\* 3 \\_x\\_ # not a heading \\<script\\>alert(1)\\</script\\> \\[x\\](y) \\& \\~ \\|',
        '',
        '\\# starts like a heading',
        '',
        '1\\. starts like a list',
        '',
        '\\- starts like a bullet',
        '',
        '- one',
        '- two',
        '  - **nested**',
        '',
        '3. three',
        '4. four',
        '',
        '> quoted',
        '>',
        '> again',
        '',
        '```ts',
        'const a = 1;',
        '// *not* escaped',
        '```',
        '',
        '---',
        '',
        '**both *ends*** after',
        '',
        'click here',
        '',
        '### Small',
        '',
      ].join('\n'),
    );
  });

  it('escapes what would otherwise be markup', () => {
    expect(escapeText('*a* _b_ <script>')).toBe('\\*a\\* \\_b\\_ \\<script\\>');
  });

  it('fences code that contains fences with a longer fence', () => {
    const doc = documentWith(el('codeBlock', {}, text('```\ninside\n```')));
    expect(
      toMarkdown({ cover: { title: 'T', summary: '', facts: [] }, body: bodyBlocks(doc) }),
    ).toBe('# T\n\n\n\n---\n\n````\n```\ninside\n```\n````\n');
  });
});
