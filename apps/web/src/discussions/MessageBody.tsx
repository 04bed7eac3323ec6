// A message's text with its mentions highlighted and its http(s) links clickable. Everything is
// rendered as React text nodes: markup in a message shows as written, never as HTML.
import { Anchor, Mark, Text } from '@mantine/core';
import type { Mention } from '@uccn/protocol';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { bodySegments } from './richText';

export function MessageBody({ body, mentions }: { body: string; mentions: Mention[] }) {
  const { t } = useTranslation();
  const segments = useMemo(() => bodySegments(body, mentions), [body, mentions]);
  return (
    <Text
      component="div"
      fz="sm"
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      data-testid="message-body"
    >
      {segments.map((segment, index) => {
        const key = `${index}:${segment.kind}`;
        if (segment.kind === 'mention') {
          return (
            <Mark
              key={key}
              color="unesco"
              px={2}
              style={{ borderRadius: 4, fontWeight: 600 }}
              data-mention={segment.mention.type}
            >
              {segment.text}
            </Mark>
          );
        }
        if (segment.kind === 'link') {
          return (
            <Anchor
              key={key}
              href={segment.href}
              target="_blank"
              rel="noopener noreferrer nofollow"
              title={`${segment.href} ${t('app.newTab')}`}
              inherit
            >
              {segment.text}
            </Anchor>
          );
        }
        return <span key={key}>{segment.text}</span>;
      })}
    </Text>
  );
}
