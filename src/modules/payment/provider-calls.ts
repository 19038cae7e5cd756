import { Injectable, Logger } from '@nestjs/common';
import { SthenoError } from '../../framework/errors/stheno-error';
import { PaymentSession } from './entities/payment-session.entity';
import { PaymentProviderRegistry } from './providers/payment-provider-registry';
import {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  PaymentOperationInput,
  PaymentOperationOutput,
  PaymentProvider,
  WebhookActionAndData,
  WebhookPayload,
} from './payment.types';

const WEBHOOK_ACTIONS = new Set(['authorized', 'captured', 'failed', 'not_supported']);

/** The message of what a provider threw, for the client: providers' errors are about the payment. */
function reason(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'no reason given';
}

/**
 * Every call to a provider goes through here, so that a provider's failure always becomes the
 * same client error, whatever the provider threw: it changes no row (callers write after it).
 */
@Injectable()
export class ProviderCalls {
  private readonly logger = new Logger('PaymentProviders');

  constructor(private readonly registry: PaymentProviderRegistry) {}

  async initiate(provider: PaymentProvider, input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    try {
      return (await provider.initiatePayment(input)) ?? {};
    } catch (error) {
      if (SthenoError.isSthenoError(error)) throw error;
      throw SthenoError.notAllowed(`Payment provider ${provider.id} could not start a payment session: ${reason(error)}`);
    }
  }

  async authorize(provider: PaymentProvider, input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    try {
      const output = await provider.authorizePayment(input);
      return { status: output?.status ?? 'error', data: output?.data };
    } catch (error) {
      this.logger.warn({ err: error, provider: provider.id }, 'Payment authorization threw');
      return { status: 'error' };
    }
  }

  async operate(
    provider: PaymentProvider,
    operation: 'capturePayment' | 'refundPayment' | 'cancelPayment',
    subject: string,
    input: PaymentOperationInput,
  ): Promise<PaymentOperationOutput> {
    try {
      return (await provider[operation](input)) ?? {};
    } catch (error) {
      if (SthenoError.isSthenoError(error)) throw error;
      const verb = { capturePayment: 'capture', refundPayment: 'refund', cancelPayment: 'cancel' }[operation];
      throw SthenoError.notAllowed(`Payment provider ${provider.id} could not ${verb} payment ${subject}: ${reason(error)}`);
    }
  }

  async webhook(provider: PaymentProvider, payload: WebhookPayload): Promise<WebhookActionAndData> {
    let result: WebhookActionAndData;
    try {
      result = await provider.getWebhookActionAndData(payload);
    } catch (error) {
      if (SthenoError.isSthenoError(error)) throw error;
      throw SthenoError.invalidData(`Payment provider ${provider.id} rejected the webhook: ${reason(error)}`);
    }
    if (!result || !WEBHOOK_ACTIONS.has(result.action)) return { action: 'not_supported' };
    return result;
  }

  /**
   * Tells providers about sessions dropped before authorization, after the drop committed. Best
   * effort: the session is gone for the store either way, a provider that fails is only logged.
   */
  async forgetSessions(sessions: PaymentSession[]): Promise<void> {
    for (const session of sessions) {
      if (!this.registry.has(session.provider_id)) continue;
      const provider = this.registry.get(session.provider_id);
      if (!provider.deletePayment) continue;
      try {
        await provider.deletePayment({ data: session.data, amount: session.amount, currency_code: session.currency_code });
      } catch (error) {
        this.logger.warn({ err: error, provider: provider.id, session: session.id }, 'Payment provider could not delete a dropped session');
      }
    }
  }
}
