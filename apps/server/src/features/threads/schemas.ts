// Payload shapes of the client's socket.io events, checked before anything else runs. They
// follow the types in @uccn/protocol; `satisfies` keeps the two from drifting apart.
import {
  MAX_IDEMPOTENCY_KEY_LENGTH,
  MAX_TOPIC_TITLE_LENGTH,
  REACTIONS,
  type ThreadClientEvents,
} from '@uccn/protocol';
import { z } from 'zod';

const id = z.uuid();
const messageId = z.string().regex(/^[1-9][0-9]{0,15}$/, 'a message id');
/** Length is checked by the service, so that an over-long body gets its own error code. */
const body = z.string();
const idempotencyKey = z.string().min(8).max(MAX_IDEMPOTENCY_KEY_LENGTH);

type PayloadOf<E extends keyof ThreadClientEvents> = Parameters<ThreadClientEvents[E]>[0];

export const EventSchemas = {
  'channel:join': z.strictObject({ channelId: id }) satisfies z.ZodType<PayloadOf<'channel:join'>>,
  'channel:leave': z.strictObject({ channelId: id }) satisfies z.ZodType<
    PayloadOf<'channel:leave'>
  >,
  'channel:sync': z.strictObject({
    channelId: id,
    seq: z.number().int().min(0),
  }) satisfies z.ZodType<PayloadOf<'channel:sync'>>,
  'topic:create': z.strictObject({
    channelId: id,
    title: z.string().min(1).max(MAX_TOPIC_TITLE_LENGTH),
    body,
    idempotencyKey,
  }) satisfies z.ZodType<PayloadOf<'topic:create'>>,
  'message:post': z.strictObject({ topicId: id, body, idempotencyKey }) satisfies z.ZodType<
    PayloadOf<'message:post'>
  >,
  'message:edit': z.strictObject({ messageId, body }) satisfies z.ZodType<
    PayloadOf<'message:edit'>
  >,
  'message:delete': z.strictObject({ messageId }) satisfies z.ZodType<PayloadOf<'message:delete'>>,
  'reaction:toggle': z.strictObject({
    messageId,
    emoji: z.enum(REACTIONS),
  }) satisfies z.ZodType<PayloadOf<'reaction:toggle'>>,
  'topic:read': z.strictObject({ topicId: id, messageId }) satisfies z.ZodType<
    PayloadOf<'topic:read'>
  >,
  'comments:watch': z.strictObject({ documentId: id }) satisfies z.ZodType<
    PayloadOf<'comments:watch'>
  >,
  'comments:unwatch': z.strictObject({ documentId: id }) satisfies z.ZodType<
    PayloadOf<'comments:unwatch'>
  >,
  typing: z.strictObject({ topicId: id, typing: z.boolean() }) satisfies z.ZodType<
    PayloadOf<'typing'>
  >,
};
