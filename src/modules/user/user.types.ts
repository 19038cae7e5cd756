import type { Metadata } from '../../framework/database/base.entity';

export interface UserView {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  avatar_url: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface InviteView {
  id: string;
  email: string;
  accepted: boolean;
  token: string;
  expires_at: string;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
}

export interface CreateUserInput {
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  avatar_url?: string | null;
  metadata?: Record<string, unknown> | null;
}

export type UpdateUserInput = Omit<Partial<CreateUserInput>, 'email'>;

export const UserEvents = {
  CREATED: 'user.created',
  UPDATED: 'user.updated',
  DELETED: 'user.deleted',
  INVITE_CREATED: 'invite.created',
  INVITE_RESENT: 'invite.resent',
  INVITE_ACCEPTED: 'invite.accepted',
  INVITE_DELETED: 'invite.deleted',
} as const;
