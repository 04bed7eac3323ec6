// many-docs: many small documents with a few editors each (the common case).
import { runEditing } from './editing';
import type { Scenario } from './types';

export const manyDocs: Scenario = {
  name: 'many-docs',
  title: 'Many documents, few editors each',
  describe: ({ manyDocs: s }) =>
    `${s.docs} documents × ${s.clientsPerDoc} clients, each client ${s.rate} edits/s (10-byte inserts) for ${s.seconds} s; ${s.probesPerDoc} probe per document. Ours only, then: one more client per document with \`?acks=1\`, everyone editing ${s.durableAckSeconds} s, to time saved acks.`,
  run: (context) => {
    const s = context.options.manyDocs;
    return runEditing(context, {
      scenario: 'many-docs',
      docs: s.docs,
      clientsPerDoc: s.clientsPerDoc,
      probesPerDoc: s.probesPerDoc,
      rate: s.rate,
      seconds: s.seconds,
      durableAckSeconds: s.durableAckSeconds,
    });
  },
};
