import type { Metadata } from '../../framework/database/base.entity';

/** Stock of an item at one location; `available_quantity` = stocked − reserved. */
export interface InventoryLevelView {
  id: string;
  inventory_item_id: string;
  location_id: string;
  stocked_quantity: number;
  reserved_quantity: number;
  incoming_quantity: number;
  available_quantity: number;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The inventory item as the API shows it, with Medusa's computed totals over its levels. */
export interface InventoryItemView {
  id: string;
  sku: string | null;
  title: string | null;
  description: string | null;
  thumbnail: string | null;
  origin_country: string | null;
  hs_code: string | null;
  requires_shipping: boolean;
  mid_code: string | null;
  material: string | null;
  weight: number | null;
  length: number | null;
  height: number | null;
  width: number | null;
  metadata: Metadata;
  /** Σ stocked_quantity over the item's levels. */
  stocked_quantity: number;
  /** Σ reserved_quantity over the item's levels. */
  reserved_quantity: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  location_levels: InventoryLevelView[];
}

export interface ReservationView {
  id: string;
  inventory_item_id: string;
  location_id: string;
  quantity: number;
  line_item_id: string | null;
  description: string | null;
  allow_backorder: boolean;
  external_id: string | null;
  created_by: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** Only when requested (`fields=*inventory_item`). */
  inventory_item?: InventoryItemView;
}

export interface LocationLevelInput {
  location_id: string;
  stocked_quantity?: number;
  incoming_quantity?: number;
}

export interface CreateInventoryItemInput {
  sku?: string | null;
  title?: string | null;
  description?: string | null;
  thumbnail?: string | null;
  requires_shipping?: boolean;
  hs_code?: string | null;
  origin_country?: string | null;
  mid_code?: string | null;
  material?: string | null;
  weight?: number | null;
  length?: number | null;
  height?: number | null;
  width?: number | null;
  metadata?: Record<string, unknown> | null;
  location_levels?: LocationLevelInput[];
}

export type UpdateInventoryItemInput = Omit<CreateInventoryItemInput, 'location_levels'>;

/** A level to create or update, identified by its item and location. */
export interface InventoryLevelInput {
  inventory_item_id: string;
  location_id: string;
  stocked_quantity?: number;
  incoming_quantity?: number;
  metadata?: Record<string, unknown> | null;
}

export interface InventoryLevelBatch {
  create?: InventoryLevelInput[];
  update?: InventoryLevelInput[];
  /** Level ids. */
  delete?: string[];
}

export interface InventoryLevelBatchResult {
  created: InventoryLevelView[];
  updated: InventoryLevelView[];
  deleted: string[];
}

export interface CreateReservationInput {
  inventory_item_id: string;
  location_id: string;
  quantity: number;
  line_item_id?: string | null;
  description?: string | null;
  external_id?: string | null;
  /** Reserve even when the location has not enough available stock. */
  allow_backorder?: boolean;
  metadata?: Record<string, unknown> | null;
}

/** A reservation whose location is chosen at reserve time among `location_ids` (checkout). */
export interface ReserveAnywhereInput extends Omit<CreateReservationInput, 'location_id'> {
  location_ids: string[];
}

/** Stock leaving a location for a line item (fulfillment): consumes that line's reservations there. */
export interface ShipStockInput {
  inventory_item_id: string;
  location_id: string;
  quantity: number;
  line_item_id?: string | null;
}

export interface RestockInput {
  inventory_item_id: string;
  location_id: string;
  quantity: number;
}

export interface UpdateReservationInput {
  location_id?: string;
  quantity?: number;
  description?: string | null;
  metadata?: Record<string, unknown> | null;
}

/** Which reservations to release: by id, or every reservation of some line items. */
export type ReservationSelector = string[] | { line_item_id: string | string[] };

/** Module events, named as Medusa's inventory module names them (reference §6.2). */
export const InventoryEvents = {
  ITEM_CREATED: 'inventory.inventory-item.created',
  ITEM_UPDATED: 'inventory.inventory-item.updated',
  ITEM_DELETED: 'inventory.inventory-item.deleted',
  LEVEL_CREATED: 'inventory.inventory-level.created',
  LEVEL_UPDATED: 'inventory.inventory-level.updated',
  LEVEL_DELETED: 'inventory.inventory-level.deleted',
  RESERVATION_CREATED: 'inventory.reservation-item.created',
  RESERVATION_UPDATED: 'inventory.reservation-item.updated',
  RESERVATION_DELETED: 'inventory.reservation-item.deleted',
} as const;
