import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticate } from '../../../framework/auth/route-access.decorators';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiStoreAuth } from '../../../framework/openapi/security';
import { OrderDto } from '../dto/order.dto';
import { OrderDetails } from '../../../flows/order/order-details';
import { STORE_ORDER_LIST as LIST, STORE_ORDER_RETRIEVE as RETRIEVE } from './order-fields';

@ApiTags('Store Orders')
@ApiStoreAuth()
@Controller('store/orders')
export class StoreOrdersController {
  constructor(private readonly orders: OrderDetails) {}

  /** The signed-in customer's orders only. */
  @Get()
  @Authenticate('customer', ['session', 'bearer'])
  @ApiListQuery(LIST)
  @ApiListResponse('orders', OrderDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [orders, count] = await this.orders.listForCustomer(ctx, ctx.actor!.id, query);
    return listEnvelope('orders', orders.map((o) => projectFields(o, query.fields)), { count, ...query });
  }

  /**
   * By id: a guest order for anyone holding its id (the order confirmation page, as in Medusa); a
   * registered customer's order only for that customer (404 for anyone else).
   */
  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('order', OrderDto)
  @ApiErrors(400, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    const customerId = ctx.actor?.type === 'customer' ? ctx.actor.id : null;
    return { order: projectFields(await this.orders.retrieveForStorefront(ctx, id, query.fields.relations, customerId), query.fields) };
  }
}
