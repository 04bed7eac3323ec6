// The admin commands behind `npm run admin -- <command>`: manage accounts on a deployment without demo mode.
//   create-user --email E --name N --role secretariat|focal_point|member [--city SLUG] [--password P]
//   list-users
//   reset-password --email E [--password P]
// Without --password, a strong one is generated and printed once.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { openDatabase, schema, USER_ROLES, type UserRole } from '@uccn/db';
import { eq } from 'drizzle-orm';
import { Accounts } from '../auth/accounts';
import { createAuth } from '../auth/auth';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { resolveAuthSecret } from '../startup/auth-secret';

export const USAGE = `Usage: npm run admin -- <command> [options]
  create-user --email E --name N --role ${USER_ROLES.join('|')} [--city SLUG] [--password P]
  list-users
  reset-password --email E [--password P]`;

export class UsageError extends Error {}

function required(values: Record<string, string | undefined>, name: string) {
  const value = values[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function generatedPassword() {
  return randomBytes(12).toString('base64url');
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        city: { type: 'string' },
        password: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Runs one admin command; `out` receives what a person should read. */
export async function runAdmin(
  argv: string[],
  env: Record<string, string | undefined>,
  out = console.log,
) {
  const [command, ...rest] = argv;
  if (!command || !['create-user', 'list-users', 'reset-password'].includes(command)) {
    throw new UsageError(command ? `Unknown command "${command}"` : 'A command is required');
  }
  const values = parseOptions(rest);
  const config = loadConfig(env);
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    const auth = createAuth({
      db: database.db,
      log: createLogger({ level: 'warn', format: 'pretty' }),
      secret: resolveAuthSecret(config.authSecret, config.dataDir),
      baseUrl: config.publicUrl,
      trustedOrigins: config.trustedOrigins,
      signInRateLimit: config.signInRateLimit,
    });
    const accounts = new Accounts(database.db, auth);
    if (command === 'list-users') {
      for (const user of await accounts.list()) {
        out(
          `${user.email}\t${user.name}\t${user.role}\t${user.citySlug ?? '-'}${user.disabled ? '\tdisabled' : ''}`,
        );
      }
      return;
    }
    const email = required(values, 'email');
    const password = values.password ?? generatedPassword();
    if (command === 'reset-password') {
      await accounts.resetPassword(email, password);
      out(`Password of ${email} reset.${values.password ? '' : ` New password: ${password}`}`);
      return;
    }
    const role = required(values, 'role') as UserRole;
    if (!USER_ROLES.includes(role))
      throw new UsageError(`--role must be one of ${USER_ROLES.join(', ')}`);
    let cityId: number | null = null;
    if (values.city) {
      const [city] = await database.db
        .select({ id: schema.cities.id })
        .from(schema.cities)
        .where(eq(schema.cities.slug, values.city));
      if (!city)
        throw new UsageError(
          `No member city has the slug "${values.city}" (the server seeds cities on its first start).`,
        );
      cityId = city.id;
    }
    await accounts.create({ email, name: required(values, 'name'), password, role, cityId });
    out(`Created ${role} ${email}.${values.password ? '' : ` Password: ${password}`}`);
  } finally {
    await database.close();
  }
}
