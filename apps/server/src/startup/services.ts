// Builds the process's services from validated config: database (PGlite or Postgres), auth,
// mail, readiness checks — and prepares the database (migrations, network seed, demo accounts).

import { DrizzleUpdateStore } from '@uccn/collab/drizzle';
import { type DatabaseHandle, openDatabase, seedNetwork } from '@uccn/db';
import { Accounts } from '../auth/accounts';
import { createAuth } from '../auth/auth';
import { CollabServer } from '../collab/collab-server';
import type { Config } from '../config';
import { CommentService } from '../features/comments/service';
import { DocumentService } from '../features/documents/service';
import { CollabTokens } from '../features/documents/token';
import { VersionService } from '../features/documents/versions';
import { InitiativeService } from '../features/initiatives/service';
import { InitiativeViews } from '../features/initiatives/views';
import { DigestSchedule } from '../features/notifications/digest';
import { NotificationService } from '../features/notifications/service';
import { ProposalChanges } from '../features/proposals/changes';
import { PartnerService } from '../features/proposals/partners';
import { ReferenceLists } from '../features/proposals/reference';
import { ProposalService } from '../features/proposals/service';
import { ProposalTextIndexer } from '../features/proposals/text-index';
import { ProposalViews } from '../features/proposals/views';
import type { DemoInfo } from '../features/public-config/routes';
import { ChannelDirectory } from '../features/threads/channels';
import { MessageNotifier } from '../features/threads/message-notifier';
import { ThreadModeration } from '../features/threads/moderation';
import { ThreadService } from '../features/threads/service';
import type { AppServices, ReadinessCheck } from '../http/context';
import type { Logger } from '../logger';
import { createMailer } from '../mailer/mailer';
import { createMetrics } from '../metrics/metrics';
import { resolveAuthSecret } from './auth-secret';
import { seedDemoAccounts } from './demo';
import { seedDemoInitiatives } from './demo-initiatives';
import { seedDemoNetwork } from './demo-network';
import { connectRealtime } from './realtime';

export interface PreparedServices {
  services: AppServices;
  demo: DemoInfo;
  /** Closes what the services opened (database, Redis). */
  close(): Promise<void>;
}

async function timed<T>(log: Logger, label: string, step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  log.info(`${label}…`);
  const result = await step();
  log.info(`${label}: done in ${Math.round(performance.now() - started)} ms`);
  return result;
}

export interface PrepareOptions {
  /** An open database to use instead of the configured one (tests); closed with the server. */
  database?: DatabaseHandle;
}

export async function prepareServices(
  config: Config,
  log: Logger,
  options: PrepareOptions = {},
): Promise<PreparedServices> {
  const startupLog = log.child({ module: 'startup' });
  const database =
    options.database ??
    (await timed(
      startupLog,
      config.database.driver === 'pglite'
        ? `Opening the embedded database in ${config.database.dataDir} (the first start takes a few seconds)`
        : 'Connecting to Postgres',
      () => openDatabase(config.database),
    ));
  const closers: (() => Promise<unknown>)[] = [() => database.close()];
  try {
    const secret = resolveAuthSecret(config.authSecret, config.dataDir);
    const auth = createAuth({
      db: database.db,
      log: log.child({ module: 'auth' }),
      secret,
      baseUrl: config.publicUrl,
      trustedOrigins: config.trustedOrigins,
      signInRateLimit: config.signInRateLimit,
    });
    const accounts = new Accounts(database.db, auth);

    // Nodes starting together take turns, so that migrations and seeds never race.
    const demo = await database.withLock('uccn:startup', async (): Promise<DemoInfo> => {
      await timed(startupLog, 'Applying database migrations', () => database.migrate());
      const seeded = await timed(
        startupLog,
        'Seeding the network (regions, countries, fields, cities)',
        () => seedNetwork(database.db),
      );
      startupLog.info(
        { ...seeded },
        `Network: ${seeded.cities} cities in ${seeded.countries} countries; ${seeded.inserted} rows new, ${seeded.updated} updated`,
      );
      // A channel per creative field: a new field in the data gets its channel here.
      await new ChannelDirectory(
        database.db,
        new DocumentService(database.db),
      ).ensureNetworkChannels();
      if (!config.demo.enabled) return { enabled: false, password: null, accounts: [] };
      const result = await timed(startupLog, 'Preparing the demo accounts', () =>
        seedDemoAccounts(database.db, accounts, config.demo.password),
      );
      const initiatives = await timed(startupLog, 'Preparing the demo initiatives', () =>
        seedDemoInitiatives(database.db),
      );
      startupLog.info({ initiatives }, `Demo initiatives: ${initiatives} new`);
      if (config.demo.network) {
        const proposals = await timed(startupLog, 'Preparing the demo network', () =>
          seedDemoNetwork(database.db),
        );
        startupLog.info({ proposals }, `Demo network: ${proposals} proposals new`);
      }
      return { enabled: true, password: config.demo.password, accounts: result.accounts };
    });

    const readiness: Record<string, ReadinessCheck> = { database: () => database.ping() };
    const metrics = createMetrics(config.nodeId);
    const realtime = await timed(
      startupLog,
      config.redisUrl ? 'Connecting to Redis' : 'Presence and fan-out in process (no REDIS_URL)',
      () => connectRealtime(config, log, metrics),
    );
    closers.push(() => realtime.close());
    Object.assign(readiness, realtime.readiness);

    const documents = new DocumentService(database.db);
    const tokens = new CollabTokens(secret, config.collab.tokenTtlSeconds);
    let versions: VersionService | undefined;
    const collab = new CollabServer({
      nodeId: config.nodeId,
      query: database.query,
      metrics,
      presence: realtime.presence,
      bus: realtime.bus,
      config: config.collab,
      db: database.db,
      auth,
      documents,
      tokens,
      log: log.child({ module: 'collab' }),
      onAutoVersion: (documentId, state) =>
        versions?.createAutomatic(documentId, state, config.collab.autoVersionMs) ??
        Promise.resolve(),
    });
    versions = new VersionService(database.db, documents, collab);
    const comments = new CommentService(database.db, documents);

    const mailer = createMailer(config.mail, log.child({ module: 'mailer' }));
    const notifications = new NotificationService(database.db);
    const notifier = new MessageNotifier(database.db, documents, notifications);
    const threads = new ThreadService(
      database.db,
      new ChannelDirectory(database.db, documents),
      notifier,
      log.child({ module: 'threads' }),
    );
    const moderation = new ThreadModeration(database.db, threads);
    const digests = new DigestSchedule(
      {
        db: database.db,
        mailer,
        publicUrl: config.publicUrl ?? '',
        log: log.child({ module: 'digest' }),
      },
      database,
      config.digestCheckMinutes,
    );
    closers.push(async () => digests.stop());
    const referenceLists = new ReferenceLists(database.db);
    const proposalViews = new ProposalViews(database.db);
    const proposalChanges = new ProposalChanges(database.db, documents, notifications);
    const proposals = new ProposalService(
      proposalChanges,
      documents,
      versions,
      referenceLists,
      proposalViews,
    );
    const proposalPartners = new PartnerService(proposalChanges, referenceLists, proposalViews);
    const proposalTextIndexer = new ProposalTextIndexer(
      database.db,
      new DrizzleUpdateStore(database.db),
      log.child({ module: 'proposal-text' }),
      config.proposals.textIndexMs,
    );
    proposalTextIndexer.start();
    const initiativeViews = new InitiativeViews(database.db);
    const initiatives = new InitiativeService(
      database.db,
      referenceLists,
      notifications,
      initiativeViews,
    );
    closers.push(() => proposalTextIndexer.stop());
    realtime.onReconnect = () => collab.fanout?.catchUpAll();
    closers.push(() => collab.close());

    return {
      services: {
        config,
        db: database.db,
        database,
        auth,
        accounts,
        mailer,
        log,
        readiness,
        documents,
        comments,
        versions,
        tokens,
        collab,
        metrics,
        presence: realtime.presence,
        threadsAdapter: realtime.socketIoAdapter,
        notifications,
        notifier,
        threads,
        moderation,
        proposals,
        proposalPartners,
        proposalViews,
        referenceLists,
        proposalTextIndexer,
        initiatives,
        initiativeViews,
      },
      demo,
      close: async () => {
        for (const close of closers.reverse()) await close().catch(() => {});
      },
    };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}
