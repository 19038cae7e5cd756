import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OrderDetails } from '../../../flows/order/order-details';
import { OrderReturnFlows } from '../../../flows/order/order-return-flows.service';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { ApiSingleResponse } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiStoreAuth } from '../../../framework/openapi/security';
import { CreateStoreReturnDto } from '../dto/order-actions.dto';
import { ReturnDto } from '../dto/order.dto';

@ApiTags('Store Returns')
@ApiStoreAuth()
@Controller('store/returns')
export class StoreReturnsController {
  constructor(
    private readonly flows: OrderReturnFlows,
    private readonly details: OrderDetails,
  ) {}

  /**
   * Medusa's createAndCompleteReturnOrderWorkflow: a shopper returns fulfilled items; the return is
   * requested at once. Who may: as for GET /store/orders/:id, anyone holding a guest order's id, and
   * for a registered customer's order that customer only (404 for anyone else, nothing written).
   */
  @Post()
  @ApiSingleResponse('return', ReturnDto)
  @ApiErrors(400, 404)
  async create(@Ctx() ctx: Context, @Body() body: CreateStoreReturnDto) {
    // a return shipping method needs order shipping methods added after placement (order changes): not built yet
    if (body.return_shipping) throw SthenoError.invalidData('return_shipping is not supported yet');
    await this.details.retrieveForStorefront(ctx, body.order_id, [], ctx.actor?.type === 'customer' ? ctx.actor.id : null);
    return { return: await this.flows.createAndRequestReturn(ctx, { order_id: body.order_id, items: body.items, location_id: body.location_id }) };
  }
}
