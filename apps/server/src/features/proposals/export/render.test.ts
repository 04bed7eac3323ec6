import { describe, expect, it } from 'vitest';
import { renderExport } from './exporter';
import { contentDisposition } from './file-name';
import type { Block, ExportDocument } from './types';
import { toWinAnsi } from './win-ansi';

const pageCount = (pdf: Uint8Array) =>
  Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(Buffer.from(pdf).toString('latin1'))?.[1]);

const every: Block[] = [
  { type: 'heading', level: 2, content: [{ kind: 'text', text: 'Context', marks: {} }] },
  {
    type: 'paragraph',
    content: [
      { kind: 'text', text: 'Bold ', marks: { bold: true } },
      { kind: 'text', text: 'italic ', marks: { italic: true } },
      { kind: 'text', text: 'both ', marks: { bold: true, italic: true } },
      { kind: 'text', text: 'gone ', marks: { strike: true } },
      { kind: 'text', text: 'code', marks: { code: true } },
      { kind: 'break' },
      { kind: 'text', text: 'a link', marks: { link: 'https://en.unesco.org/creative-cities' } },
      { kind: 'text', text: ' under', marks: { underline: true } },
    ],
  },
  {
    type: 'bulletList',
    items: [
      { blocks: [{ type: 'paragraph', content: [{ kind: 'text', text: 'Popayán', marks: {} }] }] },
      {
        blocks: [
          { type: 'paragraph', content: [{ kind: 'text', text: 'Montréal', marks: {} }] },
          {
            type: 'orderedList',
            start: 2,
            items: [
              {
                blocks: [
                  { type: 'paragraph', content: [{ kind: 'text', text: 'Łódź', marks: {} }] },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    type: 'blockquote',
    blocks: [{ type: 'paragraph', content: [{ kind: 'text', text: 'Quoted', marks: {} }] }],
  },
  { type: 'codeBlock', language: null, text: 'line one\nline two' },
  { type: 'horizontalRule' },
];

const document = (body: Block[]): ExportDocument => ({
  cover: {
    title: 'Gastronomy in Popayán',
    summary: 'A summary.',
    facts: [{ label: 'Status', value: 'Under review' }],
  },
  body,
});

describe('PDF and Word export', () => {
  it('writes a one-page PDF for a short document, more pages for a long one', async () => {
    const short = await renderExport(document(every), 'pdf');
    expect(Buffer.from(short.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pageCount(short)).toBe(1);
    const paragraph: Block = {
      type: 'paragraph',
      content: [
        {
          kind: 'text',
          text: 'Les villes créatives partagent leurs savoir-faire. '.repeat(12),
          marks: {},
        },
      ],
    };
    const long = await renderExport(document(Array.from({ length: 40 }, () => paragraph)), 'pdf');
    expect(pageCount(long)).toBeGreaterThanOrEqual(3);
  });

  it('writes a .docx package', async () => {
    const docx = Buffer.from(await renderExport(document(every), 'docx'));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(docx.includes('word/document.xml')).toBe(true);
  });
});

describe('file names', () => {
  it('gives an ASCII name and the title as typed', () => {
    expect(contentDisposition('Popayán & Montréal', 'pdf')).toBe(
      `attachment; filename="Popayan-Montreal.pdf"; filename*=UTF-8''Popay%C3%A1n%20%26%20Montr%C3%A9al.pdf`,
    );
    expect(contentDisposition('Plan', 'md')).toBe('attachment; filename="Plan.md"');
    expect(contentDisposition('../../etc/passwd"', 'md')).toBe(
      `attachment; filename="etc-passwd.md"; filename*=UTF-8''etc%20passwd.md`,
    );
    expect(contentDisposition('東京', 'docx')).toBe(
      `attachment; filename="proposal.docx"; filename*=UTF-8''%E6%9D%B1%E4%BA%AC.docx`,
    );
  });
});

describe('PDF text', () => {
  it('keeps accented Latin, drops accents WinAnsi lacks, marks other scripts', () => {
    expect(toWinAnsi('Popayán, Montréal, São Paulo, Łódź, İstanbul, 東京 – “x”')).toBe(
      'Popayán, Montréal, São Paulo, Lódz, Istanbul, ?? – “x”',
    );
  });
});
