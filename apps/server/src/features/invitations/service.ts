// Invitations: a focal point or the Secretariat invites someone by email into a city (or into
// the Secretariat); the person follows the link, chooses a name and password, and is signed in.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type Database, schema, type UserRole } from '@uccn/db';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { recordActivity } from '../../activity/activity-log';
import { canInvite, isSecretariat } from '../../auth/access';
import type { Accounts } from '../../auth/accounts';
import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import type { Mailer } from '../../mailer/mailer';
import type { CityDirectory } from '../cities/service';

const { invitations, users, cities } = schema;

/** How long an invitation link stays valid. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface InvitationRequest {
  email: string;
  role: UserRole;
  citySlug?: string | undefined;
}

export class InvitationService {
  constructor(
    private readonly db: Database,
    private readonly accounts: Accounts,
    private readonly directory: CityDirectory,
    private readonly mailer: Mailer,
  ) {}

  async create(actor: SessionUser, request: InvitationRequest, baseUrl: string) {
    const email = request.email.trim().toLowerCase();
    const city = request.citySlug ? await this.directory.get(request.citySlug) : null;
    if (request.role === 'secretariat' ? city !== null : city === null) {
      throw new AppError(
        'validation_failed',
        request.role === 'secretariat'
          ? 'A Secretariat invitation names no city.'
          : 'An invitation to a city names the city (citySlug).',
      );
    }
    if (!canInvite(actor, { role: request.role, cityId: city?.id ?? null })) {
      throw new AppError(
        'forbidden',
        'Only the Secretariat, or a focal point for their own city, can invite people.',
      );
    }
    if (await this.accounts.exists(email)) {
      throw new AppError('email_taken', `An account already uses ${email}.`);
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      await tx.insert(invitations).values({
        id,
        email,
        role: request.role,
        cityId: city?.id ?? null,
        invitedById: actor.id,
        tokenHash: hashToken(token),
        expiresAt,
      });
      await recordActivity(tx, {
        actorId: actor.id,
        action: 'invitation.created',
        subjectType: 'invitation',
        subjectId: id,
        cityId: city?.id ?? null,
        details: { email, role: request.role },
      });
    });
    const link = `${baseUrl}/invite/${token}`;
    await this.mailer.send({
      to: email,
      subject: `${actor.name} invites you to UCCN Collab`,
      text: `${actor.name} invites you to join UCCN Collab${city ? ` for ${city.name}` : ' as a member of the Secretariat'}.\n\nAccept the invitation: ${link}\n\nThe link is valid until ${expiresAt.toUTCString()}.`,
    });
    return {
      invitation: {
        id,
        email,
        role: request.role,
        citySlug: city?.slug ?? null,
        expiresAt: expiresAt.toISOString(),
      },
      link,
    };
  }

  /** Pending invitations the actor can see: their city's, or all for the Secretariat. */
  async listPending(actor: SessionUser) {
    if (!isSecretariat(actor) && actor.role !== 'focal_point') {
      throw new AppError('forbidden', 'Only focal points and the Secretariat manage invitations.');
    }
    const pending = and(
      isNull(invitations.acceptedAt),
      isNull(invitations.revokedAt),
      gt(invitations.expiresAt, new Date()),
      isSecretariat(actor) ? undefined : eq(invitations.cityId, actor.cityId ?? -1),
    );
    const rows = await this.db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        citySlug: cities.slug,
        expiresAt: invitations.expiresAt,
      })
      .from(invitations)
      .leftJoin(cities, eq(cities.id, invitations.cityId))
      .where(pending)
      .orderBy(desc(invitations.createdAt));
    return rows.map((row) => ({ ...row, expiresAt: row.expiresAt.toISOString() }));
  }

  /** The invitation behind a link; 404 unknown or revoked, 409 used, 410 expired. */
  async find(token: string) {
    const [row] = await this.db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        cityId: invitations.cityId,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
        invitedBy: users.name,
      })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.invitedById))
      .where(eq(invitations.tokenHash, hashToken(token)))
      .limit(1);
    if (!row || row.revokedAt) {
      throw new AppError('invitation_not_found', 'This invitation link is not valid.');
    }
    if (row.acceptedAt)
      throw new AppError('invitation_used', 'This invitation has already been accepted.');
    if (row.expiresAt.getTime() <= Date.now()) {
      throw new AppError('invitation_expired', 'This invitation has expired; ask for a new one.');
    }
    const city = row.cityId === null ? null : await this.directory.byId(row.cityId);
    return { ...row, city };
  }

  /** Creates the account and marks the invitation used; the caller signs the person in. */
  async accept(token: string, profile: { name: string; password: string }) {
    const invitation = await this.find(token);
    const claimed = await this.db
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) {
      throw new AppError('invitation_used', 'This invitation has already been accepted.');
    }
    try {
      const { id } = await this.accounts.create({
        email: invitation.email,
        name: profile.name,
        password: profile.password,
        role: invitation.role,
        cityId: invitation.cityId,
      });
      await recordActivity(this.db, {
        actorId: id,
        action: 'invitation.accepted',
        subjectType: 'invitation',
        subjectId: invitation.id,
        cityId: invitation.cityId,
      });
      return { id, email: invitation.email };
    } catch (error) {
      // The account could not be made: the link must stay usable.
      await this.db
        .update(invitations)
        .set({ acceptedAt: null })
        .where(eq(invitations.id, invitation.id));
      throw error;
    }
  }
}
