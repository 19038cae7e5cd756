import type { Metadata } from '../../framework/database/base.entity';

/** The sales channel as the API shows it. */
export interface SalesChannelView {
  id: string;
  name: string;
  description: string | null;
  is_disabled: boolean;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CreateSalesChannelInput {
  name: string;
  description?: string | null;
  is_disabled?: boolean;
  metadata?: Record<string, unknown> | null;
}

export type UpdateSalesChannelInput = Partial<CreateSalesChannelInput>;

export const SalesChannelEvents = {
  CREATED: 'sales-channel.created',
  UPDATED: 'sales-channel.updated',
  DELETED: 'sales-channel.deleted',
} as const;
