// one-doc-100: one document with a crowd of editors (fan-out heavy).
import { runEditing } from './editing';
import type { Scenario } from './types';

export const oneDoc: Scenario = {
  name: 'one-doc-100',
  title: 'One document, many editors',
  describe: ({ oneDoc: s }) =>
    `1 document × ${s.clients} editors, each ${s.rate} edit/s for ${s.seconds} s; ${s.probes} probes.`,
  run: (context) => {
    const s = context.options.oneDoc;
    return runEditing(context, {
      scenario: 'one-doc-100',
      docs: 1,
      clientsPerDoc: s.clients,
      probesPerDoc: s.probes,
      rate: s.rate,
      seconds: s.seconds,
      durableAckSeconds: 0,
    });
  },
};
