// Short-lived signed tokens that open one document's WebSocket for clients that cannot send the
// session cookie. HMAC-SHA256 over a small JSON payload; access is still checked at the upgrade.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface CollabTokenPayload {
  /** Document id. */
  d: string;
  /** User id. */
  u: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export class CollabTokens {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
  ) {}

  issue(documentId: string, userId: string, now = Date.now()) {
    const payload: CollabTokenPayload = {
      d: documentId,
      u: userId,
      exp: Math.floor(now / 1000) + this.ttlSeconds,
    };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, expiresAt: new Date(payload.exp * 1000) };
  }

  /** The payload of a valid, unexpired token for this document; null otherwise. */
  verify(token: string, documentId: string, now = Date.now()): CollabTokenPayload | null {
    const [body, signature] = token.split('.');
    if (!body || !signature || token.length > 1024) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const payload = JSON.parse(
        Buffer.from(body, 'base64url').toString('utf8'),
      ) as CollabTokenPayload;
      if (payload.d !== documentId || typeof payload.u !== 'string' || payload.exp * 1000 <= now)
        return null;
      return payload;
    } catch {
      return null;
    }
  }

  private sign(body: string) {
    return createHmac('sha256', `collab-token:${this.secret}`).update(body).digest('base64url');
  }
}
