// A version against now, as one page: removed text struck through in red, added text in green.
import { Group, Text } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { blocksOfDoc, type TextBlock } from './versionBlocks';
import { type BlockDiff, countChanges, diffBlocks, type Piece } from './versionDiff';
import './editor.css';

function PieceText({ piece }: { piece: Piece }) {
  if (piece.change === 'same') return <>{piece.text}</>;
  // Spaces at the edges stay outside the highlight, which then hugs the words.
  const [, lead = '', words = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(piece.text) ?? [];
  return (
    <>
      {lead}
      {piece.change === 'added' ? (
        <ins className="uccn-diff__added">{words}</ins>
      ) : (
        <del className="uccn-diff__removed">{words}</del>
      )}
      {trail}
    </>
  );
}

/** The block's own element, so that headings stay headings and lists keep their markers. */
function BlockFrame({
  block,
  change,
  children,
}: {
  block: TextBlock;
  change: BlockDiff['change'];
  children: ReactNode;
}) {
  const props = {
    className: `uccn-diff__block${block.quote ? ' uccn-diff__quote' : ''}`,
    'data-change': change,
    style: block.depth > 0 ? { paddingLeft: `${1.5 * block.depth}em` } : undefined,
  };
  const content = (
    <>
      {block.marker && (
        <span className="uccn-diff__marker" aria-hidden>
          {block.marker}
        </span>
      )}
      {children}
    </>
  );
  switch (block.type) {
    case 'heading':
      if (block.level === 1) return <h1 {...props}>{content}</h1>;
      if (block.level === 2) return <h2 {...props}>{content}</h2>;
      return <h3 {...props}>{content}</h3>;
    case 'codeBlock':
      return <pre {...props}>{content}</pre>;
    case 'rule':
      return <hr {...props} />;
    default:
      return <p {...props}>{content}</p>;
  }
}

interface VersionDiffProps {
  version: Y.Doc;
  now: Y.Doc;
  /** Changes when `now` has changed: the difference is computed again. */
  revision: number;
}

export function VersionDiff({ version, now, revision }: VersionDiffProps) {
  const { t } = useTranslation();
  const before = useMemo(() => blocksOfDoc(version), [version]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `now` changes in place; `revision` says when.
  const diff = useMemo(() => diffBlocks(before, blocksOfDoc(now)), [before, now, revision]);
  const counts = countChanges(diff);
  const unchanged = counts.added + counts.removed + counts.changed === 0;

  return (
    <div data-testid="version-diff" className="uccn-diff">
      <Group gap="md" mb="sm" fz="sm" className="uccn-diff__legend">
        {unchanged ? (
          <Text fz="sm" c="dimmed">
            {t('documents.history.diff.none')}
          </Text>
        ) : (
          <>
            <Text fz="sm" c="dimmed">
              {t('documents.history.diff.summary', {
                count: counts.added + counts.removed + counts.changed,
              })}
            </Text>
            <ins className="uccn-diff__added">{t('documents.history.diff.added')}</ins>
            <del className="uccn-diff__removed">{t('documents.history.diff.removed')}</del>
          </>
        )}
      </Group>
      <div className="uccn-prose">
        {diff.map((entry, index) => (
          // Blocks have no identity of their own; the order of the diff is stable for one render.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <BlockFrame key={index} block={entry.block} change={entry.change}>
            {entry.pieces.map((piece, at) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positional too.
              <PieceText key={at} piece={piece} />
            ))}
          </BlockFrame>
        ))}
      </div>
    </div>
  );
}
