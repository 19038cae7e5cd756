import { Module } from '@nestjs/common';
import { GreetNewCustomer } from './greet-new-customer.subscriber';
import { AdminHelloGreetingsController, StoreHelloController } from './hello.controllers';
import { HelloCarrier, HelloPaymentProvider } from './hello.providers';

/*
 * TODO(lead, issue 6 merge): add a scheduled job once `src/framework/jobs/scheduled-job.decorator.ts`
 * lands, e.g. a class `PruneOldGreetings` marked
 *   @ScheduledJob({ id: 'hello-prune-greetings', cron: '0 3 * * *' })
 * with `run(): Promise<void>` deleting greetings older than 90 days, and list it in `providers`.
 *
 * TODO(lead, issue 6 merge): add a notification provider once `src/modules/notification/notification-provider.ts`
 * lands, e.g. `@NotificationProvider('hello-log')` on a class implementing NotificationProviderHandler
 * with `channels = ['feed']` whose `send` stores a greeting, and list it in `providers`.
 */

/** Everything the plugin adds to the app; discovered by the app as its own modules' parts are. */
@Module({
  controllers: [StoreHelloController, AdminHelloGreetingsController],
  providers: [GreetNewCustomer, HelloPaymentProvider, HelloCarrier],
})
export class HelloModule {}
