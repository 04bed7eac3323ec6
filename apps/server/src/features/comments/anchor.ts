// A comment's anchor as the API accepts it: two Yjs relative positions in their JSON form,
// checked for shape and size. The server never resolves them; browsers do, against their Y.Doc.
import { z } from '@hono/zod-openapi';
import { type CommentAnchor, MAX_COMMENT_ANCHOR_LENGTH } from '@uccn/protocol';

const ItemId = z.strictObject({
  client: z.number().int().min(0),
  clock: z.number().int().min(0),
});

/** One end of the range, as `Y.relativePositionToJSON` writes it. */
const RelativePosition = z
  .strictObject({
    type: ItemId.optional(),
    tname: z.string().min(1).max(MAX_COMMENT_ANCHOR_LENGTH).optional(),
    item: ItemId.optional(),
    assoc: z.number().int().min(-1).max(0).optional(),
  })
  .refine((position) => position.item || position.type || position.tname, {
    message: 'a relative position names an item, a type or a root type',
  })
  .openapi('RelativePosition', {
    description: 'A Yjs relative position as `Y.relativePositionToJSON` writes it',
  });

/**
 * The anchor of a new thread; refused (validation_failed) past `MAX_COMMENT_ANCHOR_LENGTH`
 * characters of JSON, so that nobody stores a document's worth of data in an anchor.
 */
export const CommentAnchorSchema = z
  .strictObject({ start: RelativePosition, end: RelativePosition })
  .refine((anchor) => JSON.stringify(anchor).length <= MAX_COMMENT_ANCHOR_LENGTH, {
    message: `an anchor holds at most ${MAX_COMMENT_ANCHOR_LENGTH} characters of JSON`,
  })
  .openapi('CommentAnchor', {
    description:
      'The commented range: its start and end as Yjs relative positions (start sticks to the character after it, end to the one before it)',
  }) satisfies z.ZodType<CommentAnchor>;
