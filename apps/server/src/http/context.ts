// What every HTTP handler can reach: the per-request variables and the process's services.

import type { HttpBindings } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Database, DatabaseHandle, UserRole } from '@uccn/db';
import type { PresenceStore } from '@uccn/realtime';
import type { ServerOptions } from 'socket.io';
import type { Accounts } from '../auth/accounts';
import type { Auth } from '../auth/auth';
import type { CollabServer } from '../collab/collab-server';
import type { Config } from '../config';
import type { CommentService } from '../features/comments/service';
import type { DocumentService } from '../features/documents/service';
import type { CollabTokens } from '../features/documents/token';
import type { VersionService } from '../features/documents/versions';
import type { InitiativeService } from '../features/initiatives/service';
import type { InitiativeViews } from '../features/initiatives/views';
import type { NotificationService } from '../features/notifications/service';
import type { PartnerService } from '../features/proposals/partners';
import type { ReferenceLists } from '../features/proposals/reference';
import type { ProposalService } from '../features/proposals/service';
import type { ProposalTextIndexer } from '../features/proposals/text-index';
import type { ProposalViews } from '../features/proposals/views';
import type { MessageNotifier } from '../features/threads/message-notifier';
import type { ThreadModeration } from '../features/threads/moderation';
import type { ThreadService } from '../features/threads/service';
import type { Logger } from '../logger';
import type { Mailer } from '../mailer/mailer';
import type { Metrics } from '../metrics/metrics';

/** The signed-in user as every feature sees them. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  cityId: number | null;
}

export interface AppVariables {
  requestId: string;
  log: Logger;
  /** Null when the request carries no valid session. */
  user: SessionUser | null;
}

export interface AppEnv {
  Bindings: HttpBindings;
  Variables: AppVariables;
}

/** A readiness probe of one dependency; throws when it is not reachable. */
export type ReadinessCheck = () => Promise<void>;

/** The services a running server holds; features take what they need from it. */
export interface AppServices {
  config: Config;
  db: Database;
  database: DatabaseHandle;
  auth: Auth;
  accounts: Accounts;
  mailer: Mailer;
  log: Logger;
  readiness: Record<string, ReadinessCheck>;
  documents: DocumentService;
  comments: CommentService;
  versions: VersionService;
  tokens: CollabTokens;
  collab: CollabServer;
  metrics: Metrics;
  presence: PresenceStore;
  /** socket.io's cluster adapter (Redis streams) when REDIS_URL is set; in-process otherwise. */
  threadsAdapter: SocketIoAdapter | undefined;
  notifications: NotificationService;
  notifier: MessageNotifier;
  threads: ThreadService;
  moderation: ThreadModeration;
  proposals: ProposalService;
  proposalPartners: PartnerService;
  proposalViews: ProposalViews;
  referenceLists: ReferenceLists;
  proposalTextIndexer: ProposalTextIndexer;
  initiatives: InitiativeService;
  initiativeViews: InitiativeViews;
}

/** What socket.io's `adapter` option takes. */
export type SocketIoAdapter = NonNullable<ServerOptions['adapter']>;

export type FeatureApp = OpenAPIHono<AppEnv>;
