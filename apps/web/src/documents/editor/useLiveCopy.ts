// A copy of the live document that follows it, for read-only views beside a version.
import { useEffect, useState } from 'react';
import * as Y from 'yjs';

/** How long the copy waits for typing to pause before views of it are drawn again. */
const SETTLE_MS = 250;

export interface LiveCopy {
  doc: Y.Doc;
  /** Goes up each time the copy has changed (and typing paused): recompute what depends on it. */
  revision: number;
}

/**
 * A Y.Doc of its own that receives every update of `live`. An editor bound to it cannot touch
 * the live document, and a second Collaboration binding on the live one would join its undo
 * history. Null while `live` is null.
 */
export function useLiveCopy(live: Y.Doc | null): LiveCopy | null {
  const [copy, setCopy] = useState<LiveCopy | null>(null);
  useEffect(() => {
    if (!live) return;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
    setCopy({ doc, revision: 0 });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = (update: Uint8Array) => {
      Y.applyUpdate(doc, update);
      clearTimeout(timer);
      timer = setTimeout(
        () => setCopy((current) => current && { doc, revision: current.revision + 1 }),
        SETTLE_MS,
      );
    };
    live.on('update', follow);
    return () => {
      live.off('update', follow);
      clearTimeout(timer);
      setCopy(null);
      doc.destroy();
    };
  }, [live]);
  return copy;
}
