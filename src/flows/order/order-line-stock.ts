import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { VariantInventoryLinks } from '../../links/variant-inventory-item.service';
import type { OrderLineItemView, OrderView } from '../../modules/order/order.types';
import { ProductService } from '../../modules/product/product.service';

/** One stock move: `quantity` units of an inventory item for an order line. */
export interface StockMove {
  inventory_item_id: string;
  quantity: number;
  line_item_id: string;
}

/** The order's lines by id; invalid_data naming any id that is not a line of the order. */
export function linesOf(order: OrderView, ids: string[]): Map<string, OrderLineItemView> {
  const lines = new Map(order.items.map((item) => [item.id, item]));
  const unknown = [...new Set(ids)].filter((id) => !lines.has(id));
  if (unknown.length) throw SthenoError.invalidData(`Items ${unknown.join(', ')} do not belong to order ${order.id}`);
  return lines;
}

/** What an order line's units move in stock: shared by fulfillments (out) and received returns (back in). */
@Injectable()
export class OrderLineStock {
  constructor(
    private readonly products: ProductService,
    private readonly variantInventory: VariantInventoryLinks,
  ) {}

  /**
   * The inventory each line's units move: per inventory item of the line's variant,
   * required_quantity × units. Lines without a variant, or whose variant does not manage inventory, move none.
   */
  async moves(tx: Context, units: Array<{ line: OrderLineItemView; quantity: number }>): Promise<StockMove[]> {
    const variantIds = [...new Set(units.map((u) => u.line.variant_id).filter((id): id is string => !!id))];
    if (!variantIds.length) return [];
    const [basics, links] = [await this.products.variantBasics(tx, variantIds), await this.variantInventory.itemsOf(tx, variantIds)];
    const moves: StockMove[] = [];
    for (const { line, quantity } of units) {
      if (!line.variant_id || !basics.get(line.variant_id)?.manage_inventory) continue;
      for (const link of links.get(line.variant_id) ?? []) {
        moves.push({ inventory_item_id: link.inventory_item_id, quantity: link.required_quantity * quantity, line_item_id: line.id });
      }
    }
    return moves;
  }

  /** Each line's first inventory item (the one a fulfillment item names). */
  async firstInventoryItems(tx: Context, lines: OrderLineItemView[]): Promise<Map<string, string>> {
    const variantIds = [...new Set(lines.map((l) => l.variant_id).filter((id): id is string => !!id))];
    const links = await this.variantInventory.itemsOf(tx, variantIds);
    return new Map(lines.flatMap((l) => (l.variant_id && links.get(l.variant_id)?.length ? [[l.id, links.get(l.variant_id)![0].inventory_item_id] as [string, string]] : [])));
  }
}
