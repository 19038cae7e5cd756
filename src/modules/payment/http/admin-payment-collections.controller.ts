import { Body, Controller, Delete, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { deleteEnvelope, projectFields } from '../../../framework/http/envelopes';
import { RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiRetrieveQuery, ApiSingleResponse, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { MarkAsPaidDto, PaymentCollectionDto } from '../dto/payment.dto';
import { PaymentService } from '../payment.service';
import { ADMIN_PAYMENT_COLLECTION_RETRIEVE as RETRIEVE } from './payment-fields';

@ApiTags('Admin Payment Collections')
@ApiAdminAuth()
@Controller('admin/payment-collections')
export class AdminPaymentCollectionsController {
  constructor(private readonly payments: PaymentService) {}

  @Post(':id/mark-as-paid')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('payment_collection', PaymentCollectionDto)
  @ApiErrors(400, 401, 404)
  async markAsPaid(@Ctx() ctx: Context, @Param('id') id: string, @Body() _body: MarkAsPaidDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { payment_collection: projectFields(await this.payments.markCollectionPaid(ctx, id), query.fields) };
  }

  @Delete(':id')
  @ApiDeleteResponse('payment-collection')
  @ApiErrors(400, 401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.payments.deleteCollection(ctx, id);
    return deleteEnvelope(id, 'payment-collection');
  }
}
