// Exporting a proposal through the real server: Markdown, PDF and Word files with the cover and
// the text typed in the document, for the proposal's cities only.

import { inflateRawSync } from 'node:zlib';
import { availableDrivers } from '@uccn/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openProvider, waitFor, whenSynced } from './support/collab-clients';
import { TestClient } from './support/http-client';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './support/test-server';

const drivers = await availableDrivers();
const ACCOUNTS = ['bologna', 'kanazawa', 'dakar'] as const;
type Account = (typeof ACCOUNTS)[number];

/** One file of a zip archive, read through its central directory. */
function zipEntry(zip: Buffer, name: string): Buffer | null {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < entries; index += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : Buffer.from(data);
    }
    at += 46 + skip;
  }
  return null;
}

const pageCount = (pdf: Buffer) =>
  Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]);

describe.each(drivers)('proposal export on %s', (driver) => {
  let server: TestServer;
  const clients = {} as Record<Account, TestClient>;
  let id = '';

  const download = async (account: Account, format: string) => {
    const response = await fetch(`${server.url}/api/proposals/${id}/export?format=${format}`, {
      headers: { cookie: clients[account].cookieHeader },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      body: Buffer.from(await response.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    server = await startTestServer(driver, { SIGN_IN_RATE_LIMIT: '1000' });
    for (const account of ACCOUNTS) {
      clients[account] = new TestClient(server.url);
      const signedIn = await clients[account].request('POST', '/api/auth/sign-in/email', {
        json: { email: `${account}@uccn.test`, password: DEMO_PASSWORD },
        headers: { origin: server.url },
      });
      expect(signedIn.status).toBe(200);
    }
    const created = await clients.bologna.request<{ proposal: { id: string; documentId: string } }>(
      'POST',
      '/api/proposals',
      {
        json: {
          title: 'Música y artesanía: Bologna & Kanazawa',
          summary: 'Two cities share their living heritage.',
          sdgs: [11],
          themes: ['education'],
          budget: { amount: 120000, currency: 'EUR' },
          startDate: '2026-01-01',
          endDate: '2026-12-31',
          partners: ['kanazawa'],
        },
        headers: { origin: server.url },
      },
    );
    expect(created.status).toBe(201);
    id = created.body.proposal.id;

    // Typed through the stock provider, as the editor would: a paragraph with a bold word.
    const { doc, provider } = openProvider(server.url, created.body.proposal.documentId, {
      cookie: clients.bologna.cookieHeader,
    });
    await whenSynced(provider);
    const text = new Y.XmlText();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    doc.getXmlFragment('default').insert(1, [paragraph]);
    text.insert(0, 'Luthiers meet lacquer artists in ');
    text.insert(text.length, 'Montréal', { bold: {} });
    text.insert(text.length, ' * not a list', { bold: null });
    await waitFor(
      async () => (await download('bologna', 'md')).body.toString().includes('not a list'),
      10_000,
      'the typed text in the export',
    );
    provider.destroy();
  }, 60_000);
  afterAll(() => server?.stop());

  it('exports Markdown with the cover and the typed text', async () => {
    const file = await download('kanazawa', 'md');
    expect(file.status).toBe(200);
    expect(file.type).toBe('text/markdown; charset=utf-8');
    expect(file.disposition).toBe(
      `attachment; filename="Musica-y-artesania-Bologna-Kanazawa.md"; filename*=UTF-8''M%C3%BAsica%20y%20artesan%C3%ADa%20Bologna%20%26%20Kanazawa.md`,
    );
    const markdown = file.body.toString('utf8');
    expect(markdown.startsWith('# Música y artesanía: Bologna \\& Kanazawa\n')).toBe(true);
    for (const line of [
      '*Two cities share their living heritage.*',
      '- **Status:** Draft',
      '- **Lead city:** Bologna (Italy)',
      '- **Partner cities:** Kanazawa (Japan), invited',
      '- **Creative fields:** Music',
      '- **SDGs:** 11. Sustainable cities and communities',
      '- **Themes:** Education',
      '- **Budget:** EUR 120,000.00',
      '- **Dates:** 1 January 2026 – 31 December 2026',
      '## Context\n\nLuthiers meet lacquer artists in **Montréal** \\* not a list\n\n## Objectives',
    ]) {
      expect(markdown).toContain(line);
    }
    expect(markdown).toMatch(/- \*\*Exported:\*\* \d{1,2} \w+ \d{4}\n/);
  });

  it('exports a Word document with the text', async () => {
    const file = await download('bologna', 'docx');
    expect(file.status).toBe(200);
    expect(file.type).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(file.disposition).toMatch(
      /^attachment; filename="Musica-y-artesania-Bologna-Kanazawa\.docx"/,
    );
    const xml = zipEntry(file.body, 'word/document.xml')?.toString('utf8') ?? '';
    for (const text of [
      'Música y artesanía',
      'Bologna (Italy)',
      'Luthiers meet lacquer artists in ',
      'Montréal',
      'Partners and their roles',
    ]) {
      expect(xml).toContain(text);
    }
  });

  it('exports a one-page PDF', async () => {
    const file = await download('bologna', 'pdf');
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(file.body)).toBe(1);
  });

  it('refuses other cities and unknown formats', async () => {
    const outsider = await download('dakar', 'pdf');
    expect(outsider.status).toBe(404);
    expect(JSON.parse(outsider.body.toString()).error.code).toBe('proposal_not_found');
    const bad = await download('bologna', 'html');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString()).error.code).toBe('validation_failed');
    const anonymous = await fetch(`${server.url}/api/proposals/${id}/export?format=md`);
    expect(anonymous.status).toBe(401);
  });
});
