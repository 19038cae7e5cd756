import { Body, Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { CapturePaymentDto, PaymentDto, PaymentProviderDto, RefundPaymentDto } from '../dto/payment.dto';
import { PaymentService } from '../payment.service';
import { ADMIN_PAYMENT_LIST as LIST, ADMIN_PAYMENT_RETRIEVE as RETRIEVE, PAYMENT_PROVIDER_LIST } from './payment-fields';

@ApiTags('Admin Payments')
@ApiAdminAuth()
@Controller('admin/payments')
export class AdminPaymentsController {
  constructor(private readonly payments: PaymentService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('payments', PaymentDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [payments, count] = await this.payments.listPayments(ctx, query);
    return listEnvelope('payments', payments.map((p) => projectFields(p, query.fields)), { count, ...query });
  }

  @Get('payment-providers')
  @ApiListQuery(PAYMENT_PROVIDER_LIST)
  @ApiListResponse('payment_providers', PaymentProviderDto)
  @ApiErrors(400, 401)
  async providers(@Ctx() ctx: Context, @ListParams(PAYMENT_PROVIDER_LIST) query: ListQuery) {
    const [providers, count] = await this.payments.listProviders(ctx, query);
    return listEnvelope('payment_providers', providers.map((p) => projectFields(p, query.fields)), { count, ...query });
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('payment', PaymentDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { payment: projectFields(await this.payments.retrievePayment(ctx, id), query.fields) };
  }

  @Post(':id/capture')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('payment', PaymentDto)
  @ApiErrors(400, 401, 404)
  async capture(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: CapturePaymentDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { payment: projectFields(await this.payments.capturePayment(ctx, id, body.amount), query.fields) };
  }

  @Post(':id/refund')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('payment', PaymentDto)
  @ApiErrors(400, 401, 404)
  async refund(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: RefundPaymentDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { payment: projectFields(await this.payments.refundPayment(ctx, id, body), query.fields) };
  }
}
