// OpenAPI schemas of the thread shapes in @uccn/protocol, for the HTTP API's documentation.
import { z } from '@hono/zod-openapi';
import { REACTIONS } from '@uccn/protocol';

const CityRef = z.object({ slug: z.string(), name: z.string() });

export const AuthorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    city: CityRef.nullable(),
    role: z.enum(['secretariat', 'focal_point', 'member']),
  })
  .openapi('Author');

export const ChannelSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['field', 'document', 'announcements']),
    slug: z.string(),
    name: z.string(),
    field: z.object({ slug: z.string(), name: z.string(), nameFr: z.string() }).nullable(),
    documentId: z.uuid().nullable(),
    canPost: z.boolean(),
    mutedUntil: z.string().nullable(),
    seq: z.number().int(),
    unread: z.number().int(),
    topicCount: z.number().int(),
    lastActivityAt: z.string().nullable(),
  })
  .openapi('Channel');

export const TopicSchema = z
  .object({
    id: z.uuid(),
    channelId: z.uuid(),
    title: z.string(),
    author: AuthorSchema.nullable(),
    createdAt: z.string(),
    lastMessageAt: z.string(),
    replyCount: z.number().int(),
    locked: z.boolean(),
    firstMessageId: z.string(),
    seq: z.number().int(),
    unread: z.number().int(),
    firstUnreadMessageId: z.string().nullable(),
  })
  .openapi('Topic');

export const MessageSchema = z
  .object({
    id: z.string().openapi({ description: 'A 64-bit id as a decimal string' }),
    channelId: z.uuid(),
    topicId: z.uuid(),
    author: AuthorSchema.nullable(),
    body: z.string().openapi({ description: 'As written; render as text. Empty when gone.' }),
    mentions: z.array(
      z.object({
        type: z.enum(['user', 'city']),
        id: z.string(),
        name: z.string(),
        start: z.number().int(),
        end: z.number().int(),
      }),
    ),
    reactions: z.array(z.object({ emoji: z.enum(REACTIONS), userIds: z.array(z.string()) })),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
    deleted: z.boolean(),
    hidden: z.object({ reason: z.string(), at: z.string() }).nullable(),
    seq: z.number().int(),
  })
  .openapi('Message');
