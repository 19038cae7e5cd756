import { DynamicModule, Inject, Module, OnModuleInit, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ormFeature } from '../../framework/database/entity-registry';
import { LinksModule } from '../../links/links.module';
import { Capture } from './entities/capture.entity';
import { PaymentCollection } from './entities/payment-collection.entity';
import { PaymentProvider as PaymentProviderRow } from './entities/payment-provider.entity';
import { PaymentSession } from './entities/payment-session.entity';
import { Payment } from './entities/payment.entity';
import { RefundReason } from './entities/refund-reason.entity';
import { Refund } from './entities/refund.entity';
import { AdminPaymentCollectionsController } from './http/admin-payment-collections.controller';
import { AdminPaymentsController } from './http/admin-payments.controller';
import { AdminRefundReasonsController } from './http/admin-refund-reasons.controller';
import { StorePaymentProvidersController } from './http/store-payment-providers.controller';
import { PaymentOperations } from './payment-operations';
import { PaymentProviderCatalog } from './payment-provider-catalog';
import { PaymentViews } from './payment-views';
import { PaymentService } from './payment.service';
import { PaymentProvider } from './payment.types';
import { PaymentProviderRegistry } from './providers/payment-provider-registry';
import { SystemPaymentProvider } from './providers/system-payment.provider';
import { ProviderCalls } from './provider-calls';
import { RefundReasons } from './refund-reasons';

@Module({
  imports: [ormFeature([PaymentCollection, PaymentSession, Payment, Capture, Refund, RefundReason, PaymentProviderRow]), LinksModule, DiscoveryModule],
  controllers: [
    StorePaymentProvidersController,
    AdminPaymentsController,
    AdminRefundReasonsController,
    AdminPaymentCollectionsController,
  ],
  providers: [
    PaymentService,
    PaymentOperations,
    PaymentProviderCatalog,
    PaymentViews,
    ProviderCalls,
    RefundReasons,
    SystemPaymentProvider,
    PaymentProviderRegistry,
  ],
  exports: [PaymentService, PaymentProviderRegistry],
})
export class PaymentModule {}

const PROVIDER_CLASSES = Symbol('PaymentProvidersModule.classes');

/**
 * Adds payment providers from outside their classes' module (tests):
 * `PaymentProvidersModule.register([StripeProvider])` in the app's imports. A module or plugin that
 * provides its own provider class marks it `@RegisterPaymentProvider()` instead. Each class is a Nest provider (it may inject what it needs), instantiated once
 * and registered under its `id` when the module initialises; `app.get(StripeProvider)` reaches it.
 */
@Module({})
export class PaymentProvidersModule implements OnModuleInit {
  constructor(
    private readonly registry: PaymentProviderRegistry,
    @Inject(PROVIDER_CLASSES) private readonly instances: PaymentProvider[],
  ) {}

  static register(classes: Array<Type<PaymentProvider>>): DynamicModule {
    return {
      module: PaymentProvidersModule,
      imports: [PaymentModule],
      providers: [...classes, { provide: PROVIDER_CLASSES, useFactory: (...instances: PaymentProvider[]) => instances, inject: classes }],
      exports: classes,
    };
  }

  onModuleInit(): void {
    for (const provider of this.instances) this.registry.register(provider);
  }
}
