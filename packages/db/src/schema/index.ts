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
export { cities, countries, creativeFields, regions } from './network';
