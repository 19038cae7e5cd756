import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OrderFlows } from '../../../flows/order/order-flows.service';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { projectFields } from '../../../framework/http/envelopes';
import { Idempotent } from '../../../framework/http/idempotency/idempotency.interceptor';
import { RetrieveQuery } from '../../../framework/http/list-query';
import { ApiRetrieveQuery, ApiSingleResponse, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { CapturePaymentDto, CreateOrderPaymentCollectionDto, MarkAsPaidDto, PaymentCollectionDto, PaymentDto, RefundPaymentDto } from '../dto/payment.dto';
import {
  ADMIN_PAYMENT_COLLECTION_RETRIEVE as COLLECTION_RETRIEVE,
  ADMIN_PAYMENT_RETRIEVE as RETRIEVE,
} from './payment-fields';

/**
 * Captures and refunds: flows, so that a payment of an order records the money on the order (its
 * transactions and summary) in the same transaction. An `Idempotency-Key` replays the first answer.
 */
@ApiTags('Admin Payments')
@ApiAdminAuth()
@Controller('admin/payments')
export class AdminPaymentActionsController {
  constructor(private readonly flows: OrderFlows) {}

  @Post(':id/capture')
  @Idempotent()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('payment', PaymentDto)
  @ApiErrors(400, 401, 404, 409)
  async capture(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: CapturePaymentDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { payment: projectFields(await this.flows.capturePayment(ctx, id, body.amount), query.fields) };
  }

  @Post(':id/refund')
  @Idempotent()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('payment', PaymentDto)
  @ApiErrors(400, 401, 404, 409)
  async refund(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: RefundPaymentDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { payment: projectFields(await this.flows.refundPayment(ctx, id, body), query.fields) };
  }
}

/** Payment collections of orders: one for what the order still owes, and "mark as paid". */
@ApiTags('Admin Payment Collections')
@ApiAdminAuth()
@Controller('admin/payment-collections')
export class AdminOrderPaymentCollectionsController {
  constructor(private readonly flows: OrderFlows) {}

  @Post()
  @ApiRetrieveQuery(COLLECTION_RETRIEVE)
  @ApiSingleResponse('payment_collection', PaymentCollectionDto)
  @ApiErrors(400, 401, 404)
  async create(@Ctx() ctx: Context, @Body() body: CreateOrderPaymentCollectionDto, @RetrieveParams(COLLECTION_RETRIEVE) query: RetrieveQuery) {
    return { payment_collection: projectFields(await this.flows.createPaymentCollection(ctx, body.order_id, body.amount), query.fields) };
  }

  @Post(':id/mark-as-paid')
  @ApiRetrieveQuery(COLLECTION_RETRIEVE)
  @ApiSingleResponse('payment_collection', PaymentCollectionDto)
  @ApiErrors(400, 401, 404)
  async markAsPaid(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: MarkAsPaidDto, @RetrieveParams(COLLECTION_RETRIEVE) query: RetrieveQuery) {
    return { payment_collection: projectFields(await this.flows.markPaymentCollectionPaid(ctx, id, body.order_id), query.fields) };
  }
}
