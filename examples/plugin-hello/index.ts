import { join } from 'node:path';
import { definePlugin } from '../../src/framework/plugins/plugin';
import { HelloGreeting } from './hello-greeting.entity';
import { HelloModule } from './hello.module';

/** The plugin: PLUGINS=./examples/plugin-hello loads this file (see README.md). */
export const plugin = definePlugin({
  name: 'hello',
  module: HelloModule,
  entities: [HelloGreeting],
  migrations: join(__dirname, 'migrations'),
});
