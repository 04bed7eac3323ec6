// better-auth, set up for UCCN Collab: email + password, HttpOnly session cookies, sign-in rate
// limits kept in the database (so every node counts the same attempts), no public sign-up —
// people join by invitation, or as demo accounts, or through the admin CLI.
import { type Database, schema } from '@uccn/db';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { recordActivity } from '../activity/activity-log';
import type { Logger } from '../logger';

/** Header our HTTP layer sets from the connecting socket (or the trusted proxy), never the client. */
export const CLIENT_IP_HEADER = 'x-uccn-client-ip';

export interface AuthOptions {
  db: Database;
  log: Logger;
  secret: string;
  /** Public base URL; undefined lets better-auth take it from each request. */
  baseUrl: string | undefined;
  trustedOrigins: string[];
  signInRateLimit: number;
}

export function createAuth(options: AuthOptions) {
  const { db } = options;
  return betterAuth({
    appName: 'UCCN Collab',
    secret: options.secret,
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
    basePath: '/api/auth',
    trustedOrigins: options.trustedOrigins,
    telemetry: { enabled: false },
    logger: {
      level: 'info',
      log: (level, message, ...args) => {
        // Without a configured base URL, better-auth takes the origin from each request, which
        // is what we want behind any host name; its start-up warning about it is noise.
        const quiet = /base url is not set/i.test(message) || /invalid password/i.test(message);
        options.log[quiet ? 'debug' : level]({ args: args.length > 0 ? args : undefined }, message);
      },
    },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: schema.users,
        session: schema.sessions,
        account: schema.accounts,
        verification: schema.verifications,
        rateLimit: schema.rateLimits,
      },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: {
      additionalFields: {
        role: { type: 'string', input: false, required: false, defaultValue: 'member' },
        cityId: { type: 'number', input: false, required: false },
        disabled: { type: 'boolean', input: false, required: false, defaultValue: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 600,
      customRules: { '/sign-in/email': { window: 60, max: options.signInRateLimit } },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      cookiePrefix: 'uccn',
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const user = await db.query.users.findFirst({
              where: (users, { eq }) => eq(users.id, session.userId),
              columns: { disabled: true },
            });
            if (!user || user.disabled) {
              throw new APIError('FORBIDDEN', { message: 'This account is disabled.' });
            }
          },
          after: async (session) => {
            const user = await db.query.users.findFirst({
              where: (users, { eq }) => eq(users.id, session.userId),
              columns: { cityId: true },
            });
            await recordActivity(db, {
              actorId: session.userId,
              action: 'user.signed_in',
              subjectType: 'user',
              subjectId: session.userId,
              cityId: user?.cityId ?? null,
            });
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
