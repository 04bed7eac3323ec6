// Creating and managing user accounts outside of sign-in: invitations, demo seeding, the admin CLI.
// Passwords are hashed by better-auth's own hasher so that its sign-in can verify them.
import { type Database, schema, type UserRole } from '@uccn/db';
import { asc, eq } from 'drizzle-orm';
import { AppError } from '../errors';
import type { Auth } from './auth';

export interface NewAccount {
  email: string;
  name: string;
  password: string;
  role: UserRole;
  cityId: number | null;
}

export interface AccountSummary {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  cityId: number | null;
  citySlug: string | null;
  disabled: boolean;
  createdAt: Date;
}

/** Rules every account obeys, whoever creates it. */
export function checkAccountShape(account: Pick<NewAccount, 'role' | 'cityId'>) {
  if (account.role === 'secretariat' && account.cityId !== null) {
    throw new AppError('validation_failed', 'A Secretariat account belongs to no city.');
  }
  if (account.role !== 'secretariat' && account.cityId === null) {
    throw new AppError('validation_failed', 'A focal point or member belongs to a city.');
  }
}

export class Accounts {
  constructor(
    private readonly db: Database,
    private readonly auth: Auth,
  ) {}

  /** Creates a user with a password; `email_taken` when the address is in use. */
  async create(account: NewAccount): Promise<{ id: string }> {
    checkAccountShape(account);
    const email = account.email.trim().toLowerCase();
    const ctx = await this.auth.$context;
    if (account.password.length < ctx.password.config.minPasswordLength) {
      throw new AppError(
        'validation_failed',
        `The password needs at least ${ctx.password.config.minPasswordLength} characters.`,
      );
    }
    if (await ctx.internalAdapter.findUserByEmail(email)) {
      throw new AppError('email_taken', `An account already uses ${email}.`);
    }
    const user = await ctx.internalAdapter.createUser(
      {
        email,
        name: account.name.trim(),
        emailVerified: true,
        role: account.role,
        cityId: account.cityId,
      },
      { method: 'admin' },
    );
    await ctx.internalAdapter.linkAccount({
      userId: user.id,
      providerId: 'credential',
      accountId: user.id,
      password: await ctx.password.hash(account.password),
    });
    return { id: user.id };
  }

  async resetPassword(email: string, password: string) {
    const ctx = await this.auth.$context;
    const found = await ctx.internalAdapter.findUserByEmail(email.trim().toLowerCase());
    if (!found) throw new AppError('user_not_found', `No account uses ${email}.`);
    await ctx.internalAdapter.updatePassword(found.user.id, await ctx.password.hash(password));
    // A reset password must not leave old sessions signed in.
    await ctx.internalAdapter.deleteUserSessions(found.user.id);
  }

  async list(): Promise<AccountSummary[]> {
    const rows = await this.db
      .select({
        id: schema.users.id,
        email: schema.users.email,
        name: schema.users.name,
        role: schema.users.role,
        cityId: schema.users.cityId,
        citySlug: schema.cities.slug,
        disabled: schema.users.disabled,
        createdAt: schema.users.createdAt,
      })
      .from(schema.users)
      .leftJoin(schema.cities, eq(schema.cities.id, schema.users.cityId))
      .orderBy(asc(schema.users.email));
    return rows;
  }

  async exists(email: string) {
    const row = await this.db.query.users.findFirst({
      where: eq(schema.users.email, email.trim().toLowerCase()),
      columns: { id: true },
    });
    return row !== undefined;
  }
}
