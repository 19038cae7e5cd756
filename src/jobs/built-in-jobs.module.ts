import { Module } from '@nestjs/common';
import { CartModule } from '../modules/cart/cart.module';
import { PaymentModule } from '../modules/payment/payment.module';
import { ExpirePaymentSessionsJob } from './expire-payment-sessions.job';

/** Scheduled jobs that span commerce modules (the framework's own live in framework/jobs). */
@Module({
  imports: [CartModule, PaymentModule],
  providers: [ExpirePaymentSessionsJob],
})
export class BuiltInJobsModule {}
