// Export blocks as a printable PDF (pdfkit): A4, the cover, then the body, "Page n of N" in the
// footer. The standard Helvetica and Courier fonts need no font file and print WinAnsi text, which
// covers the accented Latin of city names; see win-ansi.ts for the rest.
import PDFDocument from 'pdfkit';
import type { Block, Cover, ExportDocument, Inline, Marks } from './types';
import { toWinAnsi } from './win-ansi';

const MARGIN = 64;
const BODY_SIZE = 10.5;
const HEADING_SIZES = [20, 15, 12.5, 11.5, 11, 10.5] as const;
const LIST_INDENT = 18;
const QUOTE_INDENT = 14;
const TEXT = '#212529';
const MUTED = '#6c757d';
const RULE = '#adb5bd';
const LINK = '#1c5fb0';
const CODE_BACKGROUND = '#f1f3f5';

/** A column of the page the blocks are written in. */
interface Column {
  x: number;
  width: number;
  color: string;
}

function fontOf(marks: Marks, bold: boolean) {
  const strong = bold || marks.bold === true;
  const italic = marks.italic === true;
  const family = marks.code ? 'Courier' : 'Helvetica';
  if (strong && italic) return `${family}-BoldOblique`;
  if (strong) return `${family}-Bold`;
  if (italic) return `${family}-Oblique`;
  return family;
}

class PdfWriter {
  readonly doc: PDFKit.PDFDocument;

  constructor(title: string) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      info: { Title: toWinAnsi(title), Creator: 'UCCN Collab' },
    });
  }

  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  private ensureRoom(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private atPageTop() {
    return this.doc.y <= this.doc.page.margins.top + 1;
  }

  /** Runs of text as one paragraph in the column, marks as fonts, links, underline and strike. */
  inline(content: Inline[], column: Column, size = BODY_SIZE, bold = false) {
    const runs = content.map((inline) =>
      inline.kind === 'break' ? { text: '\n', marks: {} as Marks } : inline,
    );
    if (runs.length === 0) runs.push({ text: ' ', marks: {} });
    this.ensureRoom(size * 1.4);
    runs.forEach((run, index) => {
      const options: PDFKit.Mixins.TextOptions = {
        continued: index < runs.length - 1,
        lineGap: size * 0.3,
        underline: run.marks.underline === true || run.marks.link !== undefined,
        strike: run.marks.strike === true,
        ...(run.marks.link ? { link: run.marks.link } : { link: null }),
      };
      this.doc
        .font(fontOf(run.marks, bold))
        .fontSize(size)
        .fillColor(run.marks.link ? LINK : column.color);
      const text = toWinAnsi(run.text);
      if (index === 0)
        this.doc.text(text, column.x, this.doc.y, { ...options, width: column.width });
      else this.doc.text(text, options);
    });
  }

  blocks(blocks: Block[], column: Column) {
    for (const block of blocks) this.block(block, column);
  }

  private block(block: Block, column: Column) {
    const { doc } = this;
    switch (block.type) {
      case 'heading': {
        const size = HEADING_SIZES[block.level - 1] ?? BODY_SIZE;
        // Keep a heading with the first lines under it.
        this.ensureRoom(size * 1.6 + BODY_SIZE * 4);
        if (!this.atPageTop()) doc.moveDown(0.6);
        this.inline(block.content, column, size, true);
        doc.moveDown(0.3);
        return;
      }
      case 'paragraph':
        this.inline(block.content, column);
        doc.moveDown(0.5);
        return;
      case 'bulletList':
      case 'orderedList':
        block.items.forEach((item, index) => {
          const marker = block.type === 'bulletList' ? '•' : `${block.start + index}.`;
          this.ensureRoom(BODY_SIZE * 1.4);
          const y = doc.y;
          doc.font('Helvetica').fontSize(BODY_SIZE).fillColor(column.color);
          doc.text(marker, column.x, y, { width: LIST_INDENT - 3, lineBreak: false });
          doc.y = y;
          this.blocks(item.blocks, {
            ...column,
            x: column.x + LIST_INDENT,
            width: column.width - LIST_INDENT,
          });
          if (item.blocks.length === 0) doc.moveDown(1);
        });
        return;
      case 'blockquote': {
        const top = doc.y;
        const page = doc.bufferedPageRange().count;
        this.blocks(block.blocks, {
          x: column.x + QUOTE_INDENT,
          width: column.width - QUOTE_INDENT,
          color: MUTED,
        });
        const start = doc.bufferedPageRange().count === page ? top : doc.page.margins.top;
        doc
          .moveTo(column.x + 3, start)
          .lineTo(column.x + 3, doc.y - BODY_SIZE * 0.5)
          .lineWidth(2)
          .strokeColor(RULE)
          .stroke();
        return;
      }
      case 'codeBlock': {
        const text = toWinAnsi(block.text.replace(/\t/g, '    ')) || ' ';
        const width = column.width - 16;
        doc.font('Courier').fontSize(9);
        const height = doc.heightOfString(text, { width, lineGap: 2 }) + 12;
        const pageHeight = this.bottom - doc.page.margins.top;
        if (height <= pageHeight) this.ensureRoom(height);
        const top = doc.y;
        if (height <= pageHeight) {
          doc.rect(column.x, top, column.width, height).fillColor(CODE_BACKGROUND).fill();
        }
        doc.fillColor(column.color).text(text, column.x + 8, top + 6, { width, lineGap: 2 });
        doc.y = Math.max(doc.y, top + height);
        doc.moveDown(0.5);
        return;
      }
      case 'horizontalRule': {
        this.ensureRoom(BODY_SIZE * 2);
        const y = doc.y + BODY_SIZE * 0.5;
        doc
          .moveTo(column.x, y)
          .lineTo(column.x + column.width, y)
          .lineWidth(0.75);
        doc.strokeColor(RULE).stroke();
        doc.y = y + BODY_SIZE;
        return;
      }
    }
  }

  cover(cover: Cover, column: Column) {
    const { doc } = this;
    doc.font('Helvetica-Bold').fontSize(22).fillColor(TEXT);
    doc.text(toWinAnsi(cover.title), column.x, doc.y, { width: column.width });
    doc.moveDown(0.4);
    if (cover.summary.trim()) {
      doc.font('Helvetica-Oblique').fontSize(12).fillColor(MUTED);
      doc.text(toWinAnsi(cover.summary.trim()), { width: column.width, lineGap: 2 });
      doc.moveDown(0.6);
    }
    const labelWidth = 100;
    for (const fact of cover.facts) {
      this.ensureRoom(BODY_SIZE * 1.4);
      const y = doc.y;
      doc.font('Helvetica-Bold').fontSize(BODY_SIZE).fillColor(MUTED);
      doc.text(toWinAnsi(fact.label), column.x, y, { width: labelWidth - 8 });
      const labelEnd = doc.y;
      doc.font('Helvetica').fillColor(TEXT);
      doc.text(toWinAnsi(fact.value), column.x + labelWidth, y, {
        width: column.width - labelWidth,
      });
      doc.y = Math.max(labelEnd, doc.y) + 3;
    }
    doc.moveDown(0.5);
    this.block({ type: 'horizontalRule' }, column);
  }

  /** "Page n of N" at the foot of every page, written once the page count is known. */
  pageNumbers() {
    const { doc } = this;
    const { start, count } = doc.bufferedPageRange();
    for (let index = start; index < start + count; index += 1) {
      doc.switchToPage(index);
      const { margins } = doc.page;
      const bottom = margins.bottom;
      margins.bottom = 0; // writing below the margin would otherwise start a new page
      doc.font('Helvetica').fontSize(8.5).fillColor(MUTED);
      doc.text(`Page ${index + 1} of ${count}`, margins.left, doc.page.height - MARGIN / 2 - 6, {
        width: doc.page.width - margins.left - margins.right,
        align: 'center',
        lineBreak: false,
      });
      margins.bottom = bottom;
    }
  }
}

/**
 * The proposal as a PDF file.
 * @example await writeFile('proposal.pdf', await toPdf({ cover, body }));
 */
export function toPdf(document: ExportDocument): Promise<Buffer> {
  const writer = new PdfWriter(document.cover.title);
  const { doc } = writer;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const column: Column = {
    x: doc.page.margins.left,
    width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
    color: TEXT,
  };
  writer.cover(document.cover, column);
  writer.blocks(document.body, column);
  writer.pageNumbers();
  doc.end();
  return done;
}
