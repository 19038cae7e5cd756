import {
  FulfillmentOption,
  FulfillmentProvider,
  LabelInput,
  ProviderCalculatedPrice,
  RegisterFulfillmentProvider,
} from '../../src/modules/fulfillment/fulfillment.types';
import {
  AuthorizePaymentOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  PaymentOperationOutput,
  PaymentProvider,
  RegisterPaymentProvider,
  WebhookActionAndData,
} from '../../src/modules/payment/payment.types';

/**
 * `pp_hello_hello`: a payment provider that authorizes at once (like the system provider) and
 * remembers a greeting in the session's data. Registered by the payment module because it is
 * marked and provided by the plugin's module: a region can then offer it.
 */
@RegisterPaymentProvider()
export class HelloPaymentProvider implements PaymentProvider {
  readonly id = 'pp_hello_hello';

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    return { data: { greeting: `Hello, ${input.amount} ${input.currency_code.toUpperCase()}` } };
  }
  async authorizePayment(): Promise<AuthorizePaymentOutput> {
    return { status: 'authorized', data: { greeted: true } };
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

/** `hello_carrier`: a fulfillment provider with one flat-rate option and no labels. */
@RegisterFulfillmentProvider()
export class HelloCarrier implements FulfillmentProvider {
  readonly id = 'hello_carrier';

  async getFulfillmentOptions(): Promise<FulfillmentOption[]> {
    return [{ id: 'hello-standard' }];
  }
  async validateOption(data: Record<string, unknown>): Promise<boolean> {
    return data.id === 'hello-standard';
  }
  async canCalculate(): Promise<boolean> {
    return false;
  }
  async calculatePrice(): Promise<ProviderCalculatedPrice> {
    throw new Error('hello_carrier has flat prices only');
  }
  async createFulfillment(): Promise<{ data: Record<string, unknown>; labels: LabelInput[] }> {
    return { data: { carrier: 'hello' }, labels: [] };
  }
  async cancelFulfillment(): Promise<void> {}
  async createReturnFulfillment(): Promise<{ data: Record<string, unknown>; labels: LabelInput[] }> {
    return { data: {}, labels: [] };
  }
}
