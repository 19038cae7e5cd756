import { Injectable } from '@nestjs/common';
import {
  AuthorizePaymentOutput,
  InitiatePaymentOutput,
  PaymentOperationOutput,
  PaymentProvider,
  SYSTEM_PAYMENT_PROVIDER_ID,
  WebhookActionAndData,
} from '../payment.types';

/**
 * `pp_system_default`, as Medusa's system provider: for payments taken outside the store (cash on
 * delivery, bank transfer, manual orders). Authorizes at once; capture, refund and cancel have
 * nothing to tell anyone and succeed; it sends no webhooks.
 */
@Injectable()
export class SystemPaymentProvider implements PaymentProvider {
  readonly id = SYSTEM_PAYMENT_PROVIDER_ID;

  async initiatePayment(): Promise<InitiatePaymentOutput> {
    return { data: {} };
  }

  async authorizePayment(): Promise<AuthorizePaymentOutput> {
    return { status: 'authorized', data: {} };
  }

  async capturePayment(): Promise<PaymentOperationOutput> {
    return {};
  }

  async refundPayment(): Promise<PaymentOperationOutput> {
    return {};
  }

  async cancelPayment(): Promise<PaymentOperationOutput> {
    return {};
  }

  async getWebhookActionAndData(): Promise<WebhookActionAndData> {
    return { action: 'not_supported' };
  }
}
