// Public face of @uccn/db: the client factory, the schema and the seeders.
export {
  type Database,
  type DatabaseDriver,
  type DatabaseHandle,
  type DatabaseOptions,
  openDatabase,
  type RawQuery,
  type Schema,
} from './client';
export { dataFolder, migrationsFolder } from './data-folder';
export * as schema from './schema/index';
export {
  type DocumentAccessLevel,
  INITIATIVE_STATUSES,
  type InitiativeLink,
  type InitiativeStatus,
  type Milestone,
  PARTNER_STATUSES,
  type PartnerStatus,
  PROPOSAL_STATUSES,
  type ProposalStatus,
  SUPPORT_STATES,
  type SupportState,
  USER_ROLES,
  type UserRole,
} from './schema/index';
export { SeedDataError } from './seed/csv';
export { type SeedNetworkOptions, type SeedNetworkResult, seedNetwork } from './seed/network';
