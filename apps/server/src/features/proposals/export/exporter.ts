// A proposal as a file: the cover from the proposal's view, the body from its stored document,
// written in the format asked for.
import type { UpdateStore } from '@uccn/collab';
import type { ProposalView } from '../types';
import { bodyBlocksOf } from './body-model';
import { proposalCover } from './cover';
import { toDocx } from './docx';
import { contentDisposition } from './file-name';
import { toMarkdown } from './markdown';
import { toPdf } from './pdf';
import type { ExportDocument, ExportFormat } from './types';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface ExportFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  contentDisposition: string;
}

/** The document in one format; pure, so that tests and other callers need no server. */
export async function renderExport(
  document: ExportDocument,
  format: ExportFormat,
): Promise<Uint8Array<ArrayBuffer>> {
  switch (format) {
    case 'md':
      return new TextEncoder().encode(toMarkdown(document));
    case 'pdf':
      return new Uint8Array(await toPdf(document));
    case 'docx':
      return new Uint8Array(await toDocx(document));
  }
}

export class ProposalExporter {
  constructor(private readonly store: UpdateStore) {}

  /**
   * The file of a proposal the user may see (the caller checked that through ProposalViews).
   * @example await exporter.file(view, 'pdf', new Date())
   */
  async file(
    view: ProposalView,
    format: ExportFormat,
    exportedAt = new Date(),
  ): Promise<ExportFile> {
    const stored = await this.store.load(view.documentId);
    const document: ExportDocument = {
      cover: proposalCover(view, exportedAt),
      body: bodyBlocksOf(stored.snapshot, stored.updates),
    };
    return {
      body: await renderExport(document, format),
      contentType: CONTENT_TYPES[format],
      contentDisposition: contentDisposition(view.title, format),
    };
  }
}
