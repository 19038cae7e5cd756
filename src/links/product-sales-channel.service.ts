import { Injectable } from '@nestjs/common';
import { Context } from '../framework/context/context';
import { linkedIds, textArray } from './linked-ids';
import { ProductSalesChannel } from './catalog-links.entity';


/** Reads and writes the product ↔ sales channel link. */
@Injectable()
export class ProductSalesChannelLinks {
  /** Links each pair; pairs already linked are left as they are. One statement. */
  async add(ctx: Context, rows: Array<{ product_id: string; sales_channel_id: string }>): Promise<void> {
    if (!rows.length) return;
    await ctx.em.execute(
      `insert into product_sales_channel (product_id, sales_channel_id)
       select * from unnest(?::text[], ?::text[]) on conflict do nothing`,
      [textArray(rows.map((r) => r.product_id)), textArray(rows.map((r) => r.sales_channel_id))],
    );
  }

  async remove(ctx: Context, rows: Array<{ product_id: string; sales_channel_id: string }>): Promise<void> {
    if (!rows.length) return;
    await ctx.em.execute(
      `delete from product_sales_channel l using unnest(?::text[], ?::text[]) as r(product_id, sales_channel_id)
        where l.product_id = r.product_id and l.sales_channel_id = r.sales_channel_id`,
      [textArray(rows.map((r) => r.product_id)), textArray(rows.map((r) => r.sales_channel_id))],
    );
  }

  /** Makes `salesChannelIds` exactly the product's channels. */
  async replace(ctx: Context, productId: string, salesChannelIds: string[]): Promise<void> {
    await ctx.em.nativeDelete(ProductSalesChannel, { product_id: productId, sales_channel_id: { $nin: salesChannelIds } });
    await this.add(ctx, salesChannelIds.map((sales_channel_id) => ({ product_id: productId, sales_channel_id })));
  }

  async removeProducts(ctx: Context, productIds: string[]): Promise<void> {
    if (!productIds.length) return;
    await ctx.em.nativeDelete(ProductSalesChannel, { product_id: { $in: productIds } });
  }

  /** Sales channel ids per product, in one query for any number of products. */
  channelsOf(ctx: Context, productIds: string[]): Promise<Map<string, string[]>> {
    return linkedIds(ctx, ProductSalesChannel, 'product_id', 'sales_channel_id', productIds);
  }
}
