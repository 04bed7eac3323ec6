// What kill -9 writers sent, what the server acknowledged as saved and what a restart loaded, with
// the check that every acknowledged (or once loaded) edit is still there.
import * as Y from 'yjs';
import { type AckedWriter, tokensIn } from './acked-writer';

/** An acknowledged edit is missing, or the stored document is inconsistent. */
export class DurabilityViolation extends Error {
  override name = 'DurabilityViolation';
}

/** The text 't' and the state vector of a document as a client received it. */
export interface LoadedDocument {
  text: string;
  stateVector: Map<number, number>;
}

export function loadedFrom(doc: Y.Doc): LoadedDocument {
  return {
    text: doc.getText('t').toString(),
    stateVector: Y.decodeStateVector(Y.encodeStateVector(doc)),
  };
}

export function sameDocument(a: LoadedDocument, b: LoadedDocument) {
  const clocksA = [...a.stateVector];
  return (
    a.text === b.text &&
    clocksA.length === b.stateVector.size &&
    clocksA.every(([client, clock]) => b.stateVector.get(client) === clock)
  );
}

/** One document's ledger: edits acknowledged, and edits loaded after a restart, must all survive
 * every later kill. */
export class EditLedger {
  private readonly acked = new Set<string>();
  private seen = new Set<string>();
  /** What the last restart served. */
  last: LoadedDocument | null = null;

  /**
   * Checks what a restart loaded against what `writers` sent and were acknowledged, and against
   * everything acknowledged or loaded before; throws a DurabilityViolation naming each problem.
   * Returns how many of these writers' edits are present.
   */
  check(writers: AckedWriter[], loaded: LoadedDocument, context: string): number {
    const problems: string[] = [];
    const { tokens, whole } = tokensIn(loaded.text);
    if (!whole) problems.push('the text is not a sequence of whole tokens');
    const present = new Set(tokens);
    if (present.size !== tokens.length) problems.push('a token appears twice');
    let survived = 0;
    for (const writer of writers) {
      const acked = writer.ackedClock();
      const stored = loaded.stateVector.get(writer.doc.clientID) ?? 0;
      const sentClock = writer.sent.at(-1)?.end ?? 0;
      const name = `writer ${writer.doc.clientID}`;
      if (acked > sentClock) problems.push(`${name}: acked clock ${acked} > sent ${sentClock}`);
      if (stored < acked) problems.push(`${name}: acked clock ${acked}, stored only ${stored}`);
      for (const { token, end } of writer.sent) {
        if (end <= acked) this.acked.add(token);
        // The content must match the state vector exactly: a prefix of what was sent.
        if (end <= stored !== present.has(token)) {
          const where = present.has(token) ? 'present past' : 'missing within';
          problems.push(`${token}: ${where} the stored clock ${stored}`);
        }
        if (present.has(token)) survived += 1;
      }
    }
    for (const token of this.acked)
      if (!present.has(token)) problems.push(`acked ${token} is missing`);
    for (const token of this.seen)
      if (!present.has(token)) problems.push(`${token}, loaded before, is missing`);
    if (this.acked.size > 0 && loaded.text.length === 0) problems.push('the document loaded empty');
    if (problems.length > 0) {
      throw new DurabilityViolation(
        `${context}: ${problems.length} problems\n  ${problems.slice(0, 20).join('\n  ')}`,
      );
    }
    this.seen = present;
    this.last = loaded;
    return survived;
  }
}
