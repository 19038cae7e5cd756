import type { Metadata } from '../../framework/database/base.entity';
import type { RawAmount } from './order.types';

/** Returns and return reasons: what the order module takes and answers for them. */

export interface CreateReturnInput {
  order_id: string;
  items: Array<{ id: string; quantity: string | number; reason_id?: string | null; note?: string | null }>;
  location_id?: string | null;
  no_notification?: boolean;
  refund_amount?: string | number | null;
  metadata?: Metadata;
  created_by?: string | null;
}

/** An operator's return, begun empty (`POST /admin/returns`); items are added before it is requested. */
export interface BeginReturnInput {
  order_id: string;
  location_id?: string | null;
  no_notification?: boolean;
  metadata?: Metadata;
  created_by?: string | null;
}

export interface ReturnItemInput {
  id: string;
  quantity: string | number;
  reason_id?: string | null;
  note?: string | null;
}

export interface ReturnItemView {
  id: string;
  return_id: string;
  item_id: string;
  quantity: number;
  raw_quantity: RawAmount;
  received_quantity: number;
  raw_received_quantity: RawAmount;
  /** Units counted in by a receipt not yet confirmed (Stheno; Medusa keeps them in an order change). */
  receiving_quantity: number;
  reason_id: string | null;
  note: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ReturnView {
  id: string;
  order_id: string;
  order_version: number;
  display_id: number;
  status: string;
  refund_amount: number | null;
  raw_refund_amount: RawAmount | null;
  location_id: string | null;
  no_notification: boolean;
  created_by: string | null;
  metadata: Metadata;
  requested_at: string | null;
  received_at: string | null;
  canceled_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  items: ReturnItemView[];
}

export interface ReturnReasonView {
  id: string;
  value: string;
  label: string;
  description: string | null;
  parent_return_reason_id: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  parent_return_reason?: Omit<ReturnReasonView, 'parent_return_reason' | 'return_reason_children'> | null;
  return_reason_children?: Array<Omit<ReturnReasonView, 'parent_return_reason' | 'return_reason_children'>>;
}

export interface CreateReturnReasonInput {
  value: string;
  label: string;
  description?: string | null;
  parent_return_reason_id?: string | null;
  metadata?: Metadata;
}

export type UpdateReturnReasonInput = Partial<CreateReturnReasonInput>;
