// A raw collab client that asks for saved acknowledgements (`?acks=1`) and inserts unique tokens
// from a Y.Doc of its own, so a test can tell which of its edits the server promised were saved.
import { decodeSavedMessage, MessageType } from '@uccn/protocol';
import * as Y from 'yjs';
import { RawCollabClient, syncUpdate, waitFor } from './collab-clients';

export interface SentToken {
  token: string;
  /** This writer's clock after the insert: an acknowledgement at or past it covers the token. */
  end: number;
}

export class AckedWriter {
  readonly doc = new Y.Doc();
  readonly sent: SentToken[] = [];

  private constructor(
    readonly client: RawCollabClient,
    readonly name: string,
  ) {}

  /**
   * Connects to `/collab/<documentId>?acks=1` and waits for the server's greeting (the room is
   * loaded). Tokens look like `<name.n>`.
   * @example const writer = await AckedWriter.open(node.url, id, cookie, 'w1'); writer.insert();
   */
  static async open(baseUrl: string, documentId: string, cookie: string, name: string) {
    const url = `${baseUrl.replace(/^http/, 'ws')}/collab/${documentId}?acks=1`;
    const writer = new AckedWriter(new RawCollabClient(url, cookie), name);
    await writer.client.opened;
    await waitFor(
      () => writer.client.framesOfType(MessageType.Sync).length > 0,
      30_000,
      `${name}: the room to load`,
    );
    return writer;
  }

  get isOpen() {
    return this.client.closed === null;
  }

  /** Appends the next token to this writer's own text and sends the update. */
  insert(text = 't'): string {
    const token = `<${this.name}.${this.sent.length}>`;
    const before = Y.encodeStateVector(this.doc);
    const ytext = this.doc.getText(text);
    ytext.insert(ytext.length, token);
    this.sent.push({ token, end: Y.getState(this.doc.store, this.doc.clientID) });
    this.client.send(syncUpdate(Y.encodeStateAsUpdate(this.doc, before)));
    return token;
  }

  /** The highest clock of this writer's edits that a saved acknowledgement covered. */
  ackedClock() {
    let acked = 0;
    for (const frame of this.client.framesOfType(MessageType.Saved)) {
      const clock = Y.decodeStateVector(decodeSavedMessage(frame)).get(this.doc.clientID) ?? 0;
      acked = Math.max(acked, clock);
    }
    return acked;
  }

  /** Tokens the server acknowledged as saved. */
  acked(): string[] {
    const clock = this.ackedClock();
    return this.sent.filter((sent) => sent.end <= clock).map((sent) => sent.token);
  }

  /** Resolves once every token sent so far is acknowledged. */
  async allAcked(timeoutMs = 10_000) {
    const end = this.sent.at(-1)?.end ?? 0;
    await waitFor(() => this.ackedClock() >= end, timeoutMs, `${this.name}: acknowledgements`);
  }

  close() {
    this.client.close();
  }
}

/** The `<name.n>` tokens of a text, in order; `whole` is false if anything else is in it. */
export function tokensIn(text: string): { tokens: string[]; whole: boolean } {
  const tokens = text.match(/<[^<>]+>/g) ?? [];
  return { tokens, whole: tokens.join('') === text };
}
