import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LockMode } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery } from '../../framework/http/list-query';
import { Invite } from './entities/invite.entity';
import { User } from './entities/user.entity';
import { CreateUserInput, InviteView, UpdateUserInput, UserEvents, UserView } from './user.types';

/** Invites are valid for a day, as Medusa's; resending issues a new token and a new day. */
export const INVITE_VALIDITY_MS = 24 * 60 * 60 * 1000;

function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    first_name: user.first_name,
    last_name: user.last_name,
    avatar_url: user.avatar_url,
    metadata: user.metadata,
    created_at: user.created_at.toISOString(),
    updated_at: user.updated_at.toISOString(),
    deleted_at: user.deleted_at?.toISOString() ?? null,
  };
}

function toInviteView(invite: Invite): InviteView {
  return {
    id: invite.id,
    email: invite.email,
    accepted: invite.accepted,
    token: invite.token,
    expires_at: invite.expires_at.toISOString(),
    metadata: invite.metadata,
    created_at: invite.created_at.toISOString(),
    updated_at: invite.updated_at.toISOString(),
  };
}

const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** The user module's facade: admin users and the invites that create them. */
@Injectable()
export class UserService {
  constructor(
    private readonly events: EventBus,
    private readonly jwt: JwtService,
  ) {}

  /**
   * Invite tokens are JWTs `{id, jti, exp, iat}` signed with JWT_SECRET, as Medusa's admin dashboard
   * expects to decode them; the row keeps the current one, so a resent invite voids the old token.
   */
  private inviteToken(inviteId: string): string {
    return this.jwt.sign({ id: inviteId, jti: randomBytes(16).toString('base64url') }, { expiresIn: INVITE_VALIDITY_MS / 1000 });
  }

  async list(ctx: Context, query: ListQuery): Promise<[UserView[], number]> {
    const [rows, count] = await findPage(ctx, User, query, ['email', 'first_name', 'last_name']);
    return [rows.map(toUserView), count];
  }

  async retrieve(ctx: Context, id: string): Promise<UserView> {
    return toUserView(await this.loadUser(ctx, id));
  }

  async findByEmail(ctx: Context, email: string): Promise<UserView | undefined> {
    const user = await ctx.em.findOne(User, { email: normalizeEmail(email) });
    return user ? toUserView(user) : undefined;
  }

  async create(ctx: Context, input: CreateUserInput): Promise<UserView> {
    return inTransaction(ctx, async (tx) => {
      const user = tx.em.create(User, {
        email: normalizeEmail(input.email),
        first_name: input.first_name ?? null,
        last_name: input.last_name ?? null,
        avatar_url: input.avatar_url ?? null,
        metadata: input.metadata ?? null,
      });
      this.events.record(tx, UserEvents.CREATED, { id: user.id });
      await tx.em.flush();
      return toUserView(user);
    });
  }

  async update(ctx: Context, id: string, input: UpdateUserInput): Promise<UserView> {
    return inTransaction(ctx, async (tx) => {
      const user = await this.loadUser(tx, id);
      tx.em.assign(user, input);
      this.events.record(tx, UserEvents.UPDATED, { id });
      await tx.em.flush();
      return toUserView(user);
    });
  }

  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const user = await this.loadUser(tx, id);
      user.deleted_at = new Date();
      // the accepted invite would otherwise keep the email from ever being invited again
      await tx.em.nativeUpdate(Invite, { email: user.email }, { deleted_at: new Date() });
      this.events.record(tx, UserEvents.DELETED, { id });
      await tx.em.flush();
    });
  }

  async listInvites(ctx: Context, query: ListQuery): Promise<[InviteView[], number]> {
    const [rows, count] = await findPage(ctx, Invite, query, ['email']);
    return [rows.map(toInviteView), count];
  }

  async retrieveInvite(ctx: Context, id: string): Promise<InviteView> {
    return toInviteView(await this.loadInvite(ctx, id));
  }

  async createInvite(ctx: Context, input: { email: string; metadata?: Record<string, unknown> | null }): Promise<InviteView> {
    return inTransaction(ctx, async (tx) => {
      const email = normalizeEmail(input.email);
      if (await tx.em.findOne(User, { email }, { fields: ['id'] })) {
        throw SthenoError.invalidData(`User with email: ${email} already exists`);
      }
      const invite = tx.em.create(Invite, {
        email,
        accepted: false,
        token: '',
        expires_at: new Date(Date.now() + INVITE_VALIDITY_MS),
        metadata: input.metadata ?? null,
      });
      invite.token = this.inviteToken(invite.id);
      this.events.record(tx, UserEvents.INVITE_CREATED, { id: invite.id });
      await tx.em.flush();
      return toInviteView(invite);
    });
  }

  async resendInvite(ctx: Context, id: string): Promise<InviteView> {
    return inTransaction(ctx, async (tx) => {
      const invite = await this.loadInvite(tx, id);
      if (invite.accepted) throw SthenoError.notAllowed('The invite has already been accepted');
      invite.token = this.inviteToken(invite.id);
      invite.expires_at = new Date(Date.now() + INVITE_VALIDITY_MS);
      this.events.record(tx, UserEvents.INVITE_RESENT, { id });
      await tx.em.flush();
      return toInviteView(invite);
    });
  }

  async deleteInvite(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const invite = await this.loadInvite(tx, id);
      invite.deleted_at = new Date();
      this.events.record(tx, UserEvents.INVITE_DELETED, { id });
      await tx.em.flush();
    });
  }

  /**
   * Accepts an invite by its token: creates the user and marks the invite accepted, in the caller's
   * transaction (the accept-invite flow also links the user to the auth identity).
   */
  async acceptInvite(ctx: Context, token: string, profile: { first_name?: string | null; last_name?: string | null }): Promise<UserView> {
    return inTransaction(ctx, async (tx) => {
      let inviteId: string | undefined;
      try {
        inviteId = this.jwt.verify<{ id?: string }>(token, { algorithms: ['HS256'] }).id;
      } catch {
        inviteId = undefined;
      }
      const invite = inviteId ? await tx.em.findOne(Invite, { id: inviteId, token }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!invite || invite.accepted || invite.expires_at.getTime() <= Date.now()) {
        throw new SthenoError('unauthorized', 'Invalid invite token');
      }
      invite.accepted = true;
      this.events.record(tx, UserEvents.INVITE_ACCEPTED, { id: invite.id });
      return this.create(tx, { email: invite.email, first_name: profile.first_name, last_name: profile.last_name });
    });
  }

  private async loadUser(ctx: Context, id: string): Promise<User> {
    const user = await ctx.em.findOne(User, { id });
    if (!user) throw SthenoError.notFound(`User with id: ${id} was not found`);
    return user;
  }

  private async loadInvite(ctx: Context, id: string): Promise<Invite> {
    const invite = await ctx.em.findOne(Invite, { id });
    if (!invite) throw SthenoError.notFound(`Invite with id: ${id} was not found`);
    return invite;
  }
}
