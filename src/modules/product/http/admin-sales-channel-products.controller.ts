import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context, inTransaction } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { LinkBodyDto } from '../../../framework/http/bodies';
import { ApiSingleResponse } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { ProductSalesChannelLinks } from '../../../links/product-sales-channel.service';
import { SalesChannelService } from '../../sales-channel/sales-channel.service';
import { ProductService } from '../product.service';
import { SalesChannelSummaryDto } from '../dto/product.dto';

/** `POST /admin/sales-channels/:id/products`: adds products to a channel and removes others. */
@ApiTags('Admin Sales Channels')
@ApiAdminAuth()
@Controller('admin/sales-channels/:id/products')
export class AdminSalesChannelProductsController {
  constructor(
    private readonly products: ProductService,
    private readonly salesChannels: SalesChannelService,
    private readonly links: ProductSalesChannelLinks,
  ) {}

  @Post()
  @ApiSingleResponse('sales_channel', SalesChannelSummaryDto)
  @ApiErrors(400, 401, 404)
  async link(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: LinkBodyDto) {
    await inTransaction(ctx, async (tx) => {
      await this.salesChannels.assertExist(tx, [id]);
      await this.products.assertExist(tx, body.add ?? []);
      await this.links.add(tx, (body.add ?? []).map((product_id) => ({ product_id, sales_channel_id: id })));
      await this.links.remove(tx, (body.remove ?? []).map((product_id) => ({ product_id, sales_channel_id: id })));
    });
    return { sales_channel: await this.salesChannels.retrieve(ctx, id) };
  }
}
