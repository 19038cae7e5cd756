import { Controller, HttpCode, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { OrderFlows } from '../../../flows/order/order-flows.service';
import { Public } from '../../../framework/auth/public.decorator';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';

const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** The body's exact bytes: captured by the JSON parser for `/hooks/*`, read here for other content types. */
async function rawBodyOf(req: Request): Promise<Buffer> {
  const captured = (req as Request & { rawBody?: Buffer }).rawBody;
  if (captured) return captured;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > MAX_WEBHOOK_BYTES) throw new SthenoError('payload_too_large', 'The webhook body is larger than 1 MB');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

@ApiTags('Payment Webhooks')
@Controller('hooks/payment')
export class PaymentWebhooksController {
  constructor(private readonly flows: OrderFlows) {}

  /**
   * A provider's webhook (no authentication: the provider checks its own signature on the raw
   * body). Answers `200 OK` once processed, as Medusa, whatever the event was about. A capture of
   * an order's payment is recorded on the order (an order flow).
   */
  @Post(':provider')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ description: 'Processed', content: { 'text/plain': { schema: { type: 'string', example: 'OK' } } } })
  @ApiErrors(400, 404, 413)
  async receive(@Ctx() ctx: Context, @Param('provider') provider: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const rawData = await rawBodyOf(req);
    const data = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
    await this.flows.processPaymentWebhook(ctx, provider, { data, rawData, headers: { ...req.headers } });
    res.type('text/plain');
    return 'OK';
  }
}
