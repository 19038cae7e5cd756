import { Controller, Delete, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { deleteEnvelope } from '../../../framework/http/envelopes';
import { ApiDeleteResponse } from '../../../framework/http/route-docs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { PaymentService } from '../payment.service';

@ApiTags('Admin Payment Collections')
@ApiAdminAuth()
@Controller('admin/payment-collections')
export class AdminPaymentCollectionsController {
  constructor(private readonly payments: PaymentService) {}

  @Delete(':id')
  @ApiDeleteResponse('payment-collection')
  @ApiErrors(400, 401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.payments.deleteCollection(ctx, id);
    return deleteEnvelope(id, 'payment-collection');
  }
}
