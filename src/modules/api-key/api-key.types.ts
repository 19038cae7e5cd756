import type { ApiKeyType } from './entities/api-key.entity';

export type { ApiKeyType };

export interface ApiKeyView {
  id: string;
  title: string;
  token: string;
  redacted: string;
  type: ApiKeyType;
  last_used_at: string | null;
  created_by: string;
  revoked_by: string | null;
  revoked_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CreateApiKeyInput {
  title: string;
  type: ApiKeyType;
}

export const ApiKeyEvents = {
  CREATED: 'api-key.created',
  UPDATED: 'api-key.updated',
  REVOKED: 'api-key.revoked',
  DELETED: 'api-key.deleted',
} as const;
