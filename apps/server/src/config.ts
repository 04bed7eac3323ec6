// The server's configuration: one zod schema over the environment, validated once at start-up.
// Nothing else in the server reads process.env.
import { hostname } from 'node:os';
import path from 'node:path';
import { DEFAULT_LIMITS, type RoomLimits } from '@uccn/collab';
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
    /** Prefix of every Redis key and channel: lets several deployments share one Redis. */
    REDIS_PREFIX: z.string().min(1).max(64).default('uccn:'),
    /** Where the embedded database and generated secrets live. */
    DATA_DIR: z.string().min(1).default('./data'),
    /** Seed demo accounts (on by default only on the embedded database). */
    DEMO: booleanFlag.optional(),
    /** Password of every demo account. */
    DEMO_PASSWORD: z.string().min(8).default('creative-cities'),
    /** With DEMO on, also seed the sample network (proposals, topics, activity); off for tests that count. */
    DEMO_NETWORK: booleanFlag.default(true),
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
    /** Largest WebSocket frame accepted on /collab (bytes); larger closes with 1009. */
    COLLAB_MAX_FRAME_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(2 * 1024 * 1024),
    /** Largest document (approximate encoded bytes) an edit may produce. */
    COLLAB_MAX_DOCUMENT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(DEFAULT_LIMITS.maxDocumentBytes),
    /** Largest awareness (caret, selection, presence) message in bytes. */
    COLLAB_MAX_AWARENESS_BYTES: z.coerce
      .number()
      .int()
      .min(64)
      .default(DEFAULT_LIMITS.maxAwarenessBytes),
    /** Awareness messages per second per connection. */
    COLLAB_AWARENESS_RATE: z.coerce.number().min(1).default(DEFAULT_LIMITS.awarenessPerSecond),
    /** Messages held per connection while its document loads. */
    COLLAB_MAX_QUEUED_WHILE_LOADING: z.coerce
      .number()
      .int()
      .min(1)
      .default(DEFAULT_LIMITS.maxQueuedWhileLoading),
    /** Open collab connections per user on one node. */
    COLLAB_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).default(20),
    /** Unsent bytes after which a client that stopped reading is dropped. */
    COLLAB_MAX_BUFFERED_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(DEFAULT_LIMITS.maxBufferedBytes),
    /** Unload a document from memory this long after its last connection left (ms). */
    COLLAB_IDLE_UNLOAD_MS: z.coerce.number().int().min(0).default(DEFAULT_LIMITS.idleUnloadMs),
    /** Compact the update log into a snapshot after this many rows… */
    COLLAB_COMPACT_AFTER_UPDATES: z.coerce
      .number()
      .int()
      .min(1)
      .default(DEFAULT_LIMITS.compactAfterUpdates),
    /** …or this many bytes. */
    COLLAB_COMPACT_AFTER_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .default(DEFAULT_LIMITS.compactAfterBytes),
    /** Take an automatic version after this much editing time (ms); 0 turns them off. */
    COLLAB_AUTO_VERSION_MS: z.coerce
      .number()
      .int()
      .min(0)
      .default(30 * 60 * 1000),
    /** How often open connections' access is checked again (ms). */
    COLLAB_ACCESS_RECHECK_MS: z.coerce.number().int().min(100).default(5000),
    /** With Redis: how often each open document reads what other nodes logged (ms), in case pub/sub dropped something. */
    COLLAB_CATCH_UP_MS: z.coerce.number().int().min(100).default(10000),
    /** Lifetime of a collab token from POST /api/documents/:id/token (seconds). */
    COLLAB_TOKEN_TTL_SECONDS: z.coerce.number().int().min(10).default(600),
    /** Sign-in attempts allowed per client address per minute. */
    SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    /** Posts (topics, replies, edits) one person may send at once before the steady rate applies. */
    THREADS_POST_BURST: z.coerce.number().int().min(1).default(10),
    /** The steady rate of posts per person per minute, after the burst. */
    THREADS_POSTS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    /** How often proposals' document text is re-indexed for search after edits (ms); 0 turns it off. */
    PROPOSAL_TEXT_INDEX_MS: z.coerce.number().int().min(0).default(3000),
    /** How often a node checks for notification digests due (minutes); 0 turns digests off. */
    DIGEST_CHECK_MINUTES: z.coerce.number().int().min(0).default(60),
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
  redisPrefix: string;
  dataDir: string;
  /** `network`: also seed the sample proposals, topics and activity of the demo workspace. */
  demo: { enabled: boolean; password: string; network: boolean };
  /** Undefined only on the embedded default, where start-up generates and keeps one. */
  authSecret: string | undefined;
  publicUrl: string | undefined;
  trustedOrigins: string[];
  log: { level: Environment['LOG_LEVEL']; format: 'json' | 'pretty' };
  mail: { smtpUrl: string | undefined; from: string };
  webDist: string | undefined;
  signInRateLimit: number;
  digestCheckMinutes: number;
  proposals: { textIndexMs: number };
  threads: { postBurst: number; postsPerMinute: number };
  trustProxy: boolean;
  collab: CollabConfig;
}

export interface CollabConfig {
  maxFrameBytes: number;
  maxConnectionsPerUser: number;
  accessRecheckMs: number;
  tokenTtlSeconds: number;
  autoVersionMs: number;
  catchUpMs: number;
  limits: RoomLimits;
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
    redisPrefix: e.REDIS_PREFIX,
    dataDir,
    demo: {
      enabled: e.DEMO ?? !e.DATABASE_URL,
      password: e.DEMO_PASSWORD,
      network: e.DEMO_NETWORK,
    },
    authSecret: e.AUTH_SECRET,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    trustedOrigins: e.TRUSTED_ORIGINS,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT ?? (isTTY ? 'pretty' : 'json') },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    webDist: e.WEB_DIST,
    signInRateLimit: e.SIGN_IN_RATE_LIMIT,
    digestCheckMinutes: e.DIGEST_CHECK_MINUTES,
    proposals: { textIndexMs: e.PROPOSAL_TEXT_INDEX_MS },
    threads: { postBurst: e.THREADS_POST_BURST, postsPerMinute: e.THREADS_POSTS_PER_MINUTE },
    trustProxy: e.TRUST_PROXY,
    collab: {
      maxFrameBytes: e.COLLAB_MAX_FRAME_BYTES,
      maxConnectionsPerUser: e.COLLAB_MAX_CONNECTIONS_PER_USER,
      accessRecheckMs: e.COLLAB_ACCESS_RECHECK_MS,
      tokenTtlSeconds: e.COLLAB_TOKEN_TTL_SECONDS,
      autoVersionMs: e.COLLAB_AUTO_VERSION_MS,
      catchUpMs: e.COLLAB_CATCH_UP_MS,
      limits: {
        maxDocumentBytes: e.COLLAB_MAX_DOCUMENT_BYTES,
        maxAwarenessBytes: e.COLLAB_MAX_AWARENESS_BYTES,
        awarenessPerSecond: e.COLLAB_AWARENESS_RATE,
        maxQueuedWhileLoading: e.COLLAB_MAX_QUEUED_WHILE_LOADING,
        maxBufferedBytes: e.COLLAB_MAX_BUFFERED_BYTES,
        compactAfterUpdates: e.COLLAB_COMPACT_AFTER_UPDATES,
        compactAfterBytes: e.COLLAB_COMPACT_AFTER_BYTES,
        idleUnloadMs: e.COLLAB_IDLE_UNLOAD_MS,
      },
    },
  };
}
