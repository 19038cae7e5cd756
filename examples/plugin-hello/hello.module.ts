import { Module } from '@nestjs/common';
import { GreetNewCustomer } from './greet-new-customer.subscriber';
import { AdminHelloGreetingsController, StoreHelloController } from './hello.controllers';
import { HelloFeedNotificationProvider } from './hello-feed.notification-provider';
import { HelloCarrier, HelloPaymentProvider } from './hello.providers';
import { PruneOldGreetings } from './prune-old-greetings.job';

/** Everything the plugin adds to the app; discovered by the app as its own modules' parts are. */
@Module({
  controllers: [StoreHelloController, AdminHelloGreetingsController],
  providers: [GreetNewCustomer, HelloPaymentProvider, HelloCarrier, PruneOldGreetings, HelloFeedNotificationProvider],
})
export class HelloModule {}
