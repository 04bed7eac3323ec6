// The server's configuration: one zod schema over the environment, validated once at start-up.
// Nothing else in the server reads process.env.
import { hostname } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const redisUrl = z
  .url({ protocol: /^rediss?$/ })
  .describe('redis:// or rediss:// URL of the shared Redis');
const postgresUrl = z
  .url({ protocol: /^postgres(ql)?$/ })
  .describe('postgres:// URL of the shared Postgres');

/** The environment variables the server reads, with their defaults. See `.env.example`. */
export const environmentSchema = z
  .object({
    /** Port to listen on. Change it when 8080 is taken. */
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    /** Interface to bind; 127.0.0.1 keeps the server private to this machine. */
    HOST: z.string().min(1).default('0.0.0.0'),
    /** Shared Postgres. Unset: PGlite (Postgres in WASM) in DATA_DIR, one node only. */
    DATABASE_URL: postgresUrl.optional(),
    /** Shared Redis for presence and fan-out between nodes. Unset: in-process. */
    REDIS_URL: redisUrl.optional(),
    /** Where the embedded database and generated secrets live. */
    DATA_DIR: z.string().min(1).default('./data'),
    /** Seed demo accounts (on by default only on the embedded database). */
    DEMO: booleanFlag.optional(),
    /** Password of every demo account. */
    DEMO_PASSWORD: z.string().min(8).default('creative-cities'),
    /** Signs session cookies and collab tokens; the same on every node. Generated into DATA_DIR when unset on the embedded default. */
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** The address users reach the product at; used in invitation links and cookie security. */
    PUBLIC_URL: z.url().optional(),
    /** Extra origins allowed to call the API with cookies (comma-separated). */
    TRUSTED_ORIGINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      ),
    /** Name of this node in logs, presence and metrics. */
    NODE_ID: z.string().min(1).default(`${hostname()}-${process.pid}`),
    /** pino level. */
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** json for machines, pretty for people; defaults to pretty on a terminal. */
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    /** SMTP server for mail (smtp://user:pass@host:port). Unset: mail is printed to the log. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    /** Sender address of the product's mail. */
    MAIL_FROM: z.string().min(3).default('UCCN Collab <no-reply@uccn.test>'),
    /** Folder of the built web app; unset: apps/web/dist of this checkout. */
    WEB_DIST: z.string().optional(),
    /** Behind one reverse proxy: take the client address from the last X-Forwarded-For entry. */
    TRUST_PROXY: booleanFlag.default(false),
    /** Sign-in attempts allowed per client address per minute. */
    SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message:
          'is required with DATABASE_URL: every node must sign sessions with the same secret',
      });
    }
    if (env.REDIS_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_URL'],
        message: 'needs DATABASE_URL too: several nodes cannot share one embedded database',
      });
    }
  });

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  port: number;
  host: string;
  nodeId: string;
  database: { driver: 'postgres'; url: string } | { driver: 'pglite'; dataDir: string };
  redisUrl: string | undefined;
  dataDir: string;
  demo: { enabled: boolean; password: string };
  /** Undefined only on the embedded default, where start-up generates and keeps one. */
  authSecret: string | undefined;
  publicUrl: string | undefined;
  trustedOrigins: string[];
  log: { level: Environment['LOG_LEVEL']; format: 'json' | 'pretty' };
  mail: { smtpUrl: string | undefined; from: string };
  webDist: string | undefined;
  signInRateLimit: number;
  trustProxy: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration; throws a ConfigError naming every bad variable.
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: Record<string, string | undefined>, isTTY = false): Config {
  // Empty strings mean "unset", as in most .env files and compose files.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
      ),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    nodeId: e.NODE_ID,
    database: e.DATABASE_URL
      ? { driver: 'postgres', url: e.DATABASE_URL }
      : { driver: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    redisUrl: e.REDIS_URL,
    dataDir,
    demo: { enabled: e.DEMO ?? !e.DATABASE_URL, password: e.DEMO_PASSWORD },
    authSecret: e.AUTH_SECRET,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    trustedOrigins: e.TRUSTED_ORIGINS,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT ?? (isTTY ? 'pretty' : 'json') },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    webDist: e.WEB_DIST,
    signInRateLimit: e.SIGN_IN_RATE_LIMIT,
    trustProxy: e.TRUST_PROXY,
  };
}
