// Export blocks as a Word document (docx): the cover as a title, summary and a table of facts,
// then the body with Word's own heading styles and lists, and page numbers in the footer.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, Cover, ExportDocument, Inline } from './types';

const MONO = 'Courier New';
const INDENT = 720; // twips: half an inch per list level or quote
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** Where a block sits: its list depth, quote and the list it belongs to. */
interface Place {
  depth: number;
  quoted: boolean;
}

/** The numbered lists met while writing; each gets its own Word list, from its own start. */
class OrderedLists {
  private readonly starts = new Map<number, string>();
  private instance = 0;

  reference(start: number) {
    let reference = this.starts.get(start);
    if (!reference) {
      reference = `ordered-${start}`;
      this.starts.set(start, reference);
    }
    this.instance += 1;
    return { reference, instance: this.instance };
  }

  config() {
    return [...this.starts].map(([start, reference]) => ({
      reference,
      levels: Array.from({ length: 9 }, (_, level) => ({
        level,
        format: LevelFormat.DECIMAL,
        text: `%${level + 1}.`,
        alignment: AlignmentType.START,
        start,
        style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: 360 } } },
      })),
    }));
  }
}

function runsOf(content: Inline[]): ParagraphChild[] {
  return content.map((inline) => {
    if (inline.kind === 'break') return new TextRun({ break: 1 });
    const { marks } = inline;
    const run = new TextRun({
      text: inline.text,
      bold: marks.bold ?? false,
      italics: marks.italic ?? false,
      strike: marks.strike ?? false,
      ...(marks.underline ? { underline: {} } : {}),
      ...(marks.code
        ? { font: MONO, shading: { type: ShadingType.CLEAR, fill: 'F1F3F5', color: 'auto' } }
        : {}),
      ...(marks.link ? { style: 'Hyperlink' } : {}),
    });
    return marks.link ? new ExternalHyperlink({ link: marks.link, children: [run] }) : run;
  });
}

function quoteStyle(place: Place) {
  return place.quoted
    ? {
        border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'ADB5BD', space: 8 } },
        indent: { left: INDENT * (place.depth + 1) },
      }
    : place.depth > 0
      ? { indent: { left: INDENT * place.depth } }
      : {};
}

function paragraphsOf(blocks: Block[], place: Place, lists: OrderedLists): Paragraph[] {
  return blocks.flatMap((block) => paragraphsOfBlock(block, place, lists));
}

function paragraphsOfBlock(block: Block, place: Place, lists: OrderedLists): Paragraph[] {
  switch (block.type) {
    case 'heading':
      return [
        new Paragraph({
          heading: HEADINGS[block.level - 1] ?? HeadingLevel.HEADING_6,
          children: runsOf(block.content),
          ...quoteStyle(place),
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ children: runsOf(block.content), ...quoteStyle(place) })];
    case 'bulletList':
    case 'orderedList': {
      const level = Math.min(place.depth, 8);
      const list = block.type === 'orderedList' ? lists.reference(block.start) : null;
      return block.items.flatMap((item) => {
        const inner = { ...place, depth: place.depth + 1 };
        const [first, ...rest] = item.blocks;
        // The item's first paragraph carries the bullet or number; what follows is indented.
        if (first?.type !== 'paragraph' && first?.type !== 'heading') {
          return paragraphsOf(item.blocks, inner, lists);
        }
        const marker = new Paragraph({
          children: runsOf(first.content),
          ...(list ? { numbering: { ...list, level } } : { bullet: { level } }),
        });
        return [marker, ...paragraphsOf(rest, inner, lists)];
      });
    }
    case 'blockquote':
      return paragraphsOf(block.blocks, { ...place, quoted: true }, lists);
    case 'codeBlock':
      return [
        new Paragraph({
          children: block.text
            .split('\n')
            .map(
              (line, index) =>
                new TextRun({ text: line, font: MONO, size: 20, break: index ? 1 : 0 }),
            ),
          shading: { type: ShadingType.CLEAR, fill: 'F1F3F5', color: 'auto' },
          ...quoteStyle(place),
        }),
      ];
    case 'horizontalRule':
      return [
        new Paragraph({
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'ADB5BD', space: 1 } },
        }),
      ];
  }
}

function coverOf(cover: Cover): (Paragraph | Table)[] {
  const cell = (text: string, bold: boolean, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
    });
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(cover.title)] }),
    ...(cover.summary.trim()
      ? [
          new Paragraph({
            children: cover.summary
              .split(/\r?\n/)
              .map(
                (line, index) => new TextRun({ text: line, italics: true, break: index ? 1 : 0 }),
              ),
          }),
        ]
      : []),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: cover.facts.map(
        (fact) =>
          new TableRow({ children: [cell(fact.label, true, 25), cell(fact.value, false, 75)] }),
      ),
    }),
    new Paragraph({
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'ADB5BD', space: 1 } },
    }),
  ];
}

/**
 * The proposal as a .docx file.
 * @example await writeFile('proposal.docx', await toDocx({ cover, body }));
 */
export async function toDocx(document: ExportDocument): Promise<Buffer> {
  const lists = new OrderedLists();
  const body = paragraphsOf(document.body, { depth: 0, quoted: false }, lists);
  const doc = new Document({
    title: document.cover.title,
    creator: 'UCCN Collab',
    numbering: { config: lists.config() },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } }, // A4
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [...coverOf(document.cover), ...body],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
