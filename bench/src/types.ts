// Types shared by the servers, the load generator, the scenarios and the report.
import type { Dialect } from './protocol/types';

export const SERVER_NAMES = ['ours', 'hocuspocus', 'yws'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];

export type DatabaseKind = 'pglite' | 'postgres';

/** A server under test, started and ready for clients. */
export interface RunningServer {
  name: ServerName;
  pid: number;
  port: number;
  dialect: Dialect;
  /** Ours only: the database it saves to. */
  database?: { kind: DatabaseKind; name?: string };
  /** Creates `count` documents and returns the rooms clients connect to. */
  createDocuments(count: number, label: string): Promise<string[]>;
  /** Nodes it runs on (ours with --nodes 2); 1 for the peers. */
  nodes: number;
  /** Process ids of every node, the first being `pid`. */
  pids: number[];
  /**
   * URL and upgrade headers of a client socket for `room`; `acks` asks ours for saved acks;
   * `slot` (the client's position in its document) picks the node, alternating.
   */
  socketTarget(
    room: string,
    acks?: boolean,
    slot?: number,
  ): { url: string; headers: Record<string, string> };
  /** Whether the server can acknowledge durable saves (ours). */
  supportsSavedAcks: boolean;
  /** Last lines the server wrote, for error messages. */
  logTail(): string;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  /** Root of the monorepo (where apps/server lives). */
  repoRoot: string;
  database: DatabaseKind;
  /** Ours only: how many nodes share the database and Redis (needs Postgres above 1). */
  nodes: number;
}

export interface ServerLauncher {
  name: ServerName;
  start(options: LaunchOptions): Promise<RunningServer>;
}
