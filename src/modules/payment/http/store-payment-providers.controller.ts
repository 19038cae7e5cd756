import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ListParams } from '../../../framework/http/route-docs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiStoreAuth } from '../../../framework/openapi/security';
import { PaymentProviderDto } from '../dto/payment.dto';
import { PaymentService } from '../payment.service';
import { STORE_PAYMENT_PROVIDER_LIST as LIST } from './payment-fields';

@ApiTags('Store Payment Providers')
@ApiStoreAuth()
@Controller('store/payment-providers')
export class StorePaymentProvidersController {
  constructor(private readonly payments: PaymentService) {}

  /** The enabled providers of a region, for the checkout's payment step. */
  @Get()
  @ApiListQuery(LIST)
  @ApiQuery({ name: 'region_id', required: true, type: String })
  @ApiListResponse('payment_providers', PaymentProviderDto)
  @ApiErrors(400)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery, @Query('region_id') regionId: unknown) {
    if (typeof regionId !== 'string' || !regionId.trim()) throw SthenoError.invalidData("Invalid request: Field 'region_id' is required");
    const providers = await this.payments.providersForRegion(ctx, regionId.trim());
    const page = providers.slice(query.offset, query.offset + query.limit);
    return listEnvelope('payment_providers', page.map((p) => projectFields(p, query.fields)), { count: providers.length, ...query });
  }
}
