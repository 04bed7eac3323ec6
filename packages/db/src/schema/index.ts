// The whole database schema, by name. drizzle-kit reads this file to generate migrations.
export { activityLog } from './activity';
export {
  accounts,
  invitations,
  rateLimits,
  sessions,
  USER_ROLES,
  type UserRole,
  users,
  verifications,
} from './auth';
export { documentComments, type StoredCommentAnchor } from './comments';
export {
  bytea,
  DOCUMENT_ACCESS,
  type DocumentAccessLevel,
  documentAccess,
  documentSnapshots,
  documents,
  documentUpdates,
  documentVersions,
  VERSION_KINDS,
} from './documents';
export {
  INITIATIVE_STATUSES,
  type InitiativeLink,
  type InitiativeStatus,
  initiativeFields,
  initiativePartners,
  initiativeSupportHistory,
  initiatives,
  initiativeThemes,
  monitoringReports,
  SUPPORT_STATES,
  type SupportState,
} from './initiatives';
export { cities, countries, creativeFields, regions } from './network';
export {
  notificationDigests,
  notificationPreferences,
  notifications,
} from './notifications';
export {
  type Milestone,
  PARTNER_STATUSES,
  type PartnerStatus,
  PROPOSAL_STATUSES,
  type ProposalStatus,
  proposalFields,
  proposalPartners,
  proposalSdgs,
  proposalSdgTargets,
  proposalStatusHistory,
  proposals,
  proposalThemes,
  sdgs,
  sdgTargets,
  themes,
} from './proposals';
export {
  CHANNEL_KINDS,
  type ChannelKindValue,
  channelMutes,
  channels,
  messageReactions,
  messages,
  type StoredMention,
  topicReads,
  topics,
} from './threads';
