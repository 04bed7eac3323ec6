// Reads the session (cookie) of a request once and exposes the user to every handler.
import type { UserRole } from '@uccn/db';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors';
import type { AppEnv, SessionUser } from '../http/context';
import type { Auth } from './auth';

/** The user behind these headers, or null. Used by HTTP handlers and at WebSocket upgrades. */
export async function userFromHeaders(auth: Auth, headers: Headers): Promise<SessionUser | null> {
  const result = await auth.api.getSession({ headers });
  if (!result) return null;
  const user = result.user as typeof result.user & {
    role?: UserRole;
    cityId?: number | null;
    disabled?: boolean;
  };
  if (user.disabled) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role ?? 'member',
    cityId: user.cityId ?? null,
  };
}

export function sessionMiddleware(auth: Auth) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('user', c.req.header('cookie') ? await userFromHeaders(auth, c.req.raw.headers) : null);
    await next();
  });
}

/** The signed-in user, or a 401 `unauthorized`. */
export function requireUser(user: SessionUser | null): SessionUser {
  if (!user) throw new AppError('unauthorized', 'Sign in to do this.');
  return user;
}
