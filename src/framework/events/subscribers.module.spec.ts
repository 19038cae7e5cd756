import { join } from 'node:path';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { GreetingLog, GreetingModule } from '../../../test/fixtures/subscribers-dir/greetings';
import { loadSubscriberClasses, PROJECT_SUBSCRIBERS_DIR, SubscribersModule } from './subscribers.module';
import { SubscriberRegistry } from './subscriber-registry';

const FIXTURES = join(__dirname, '../../../test/fixtures/subscribers-dir');

describe('subscribers discovered from a directory', () => {
  it('loads the @Subscriber classes of every *.subscriber.ts file, in file name order, and nothing else', () => {
    expect(loadSubscriberClasses(FIXTURES, '.ts').map((c) => c.name)).toEqual(['FarewellSubscriber', 'WelcomeSubscriber']);
  });

  it('loads compiled *.subscriber.js files when running compiled code', () => {
    expect(loadSubscriberClasses(join(FIXTURES, 'compiled'), '.js').map((c) => c.name)).toEqual(['HelloSubscriber']);
    expect(loadSubscriberClasses(join(FIXTURES, 'compiled'), '.ts')).toEqual([]);
  });

  it('stops with the file named when a subscriber file exports no decorated class', () => {
    expect(() => loadSubscriberClasses(join(FIXTURES, 'broken'), '.ts')).toThrow(/broken\/forgotten\.subscriber\.ts exports no class decorated with @Subscriber/);
  });

  it('finds nothing, without failing, when the directory does not exist', () => {
    expect(loadSubscriberClasses(join(FIXTURES, 'missing'))).toEqual([]);
  });

  it("points at the project's src/subscribers from source", () => {
    expect(PROJECT_SUBSCRIBERS_DIR).toBe(join(__dirname, '../../subscribers'));
    expect(PROJECT_SUBSCRIBERS_DIR.endsWith(join('src', 'subscribers'))).toBe(true);
  });

  it('registers the directory subscribers with their options and injects what the imported modules export', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule, SubscribersModule.forDirectory({ dir: FIXTURES, imports: [GreetingModule] })],
      providers: [SubscriberRegistry],
    }).compile();
    await moduleRef.init();
    try {
      const registry = moduleRef.get(SubscriberRegistry);
      expect(registry.all().map((s) => [s.options.id, s.options.events, s.options.concurrency])).toEqual([
        ['fixture-farewell', ['customer.deleted'], 2],
        ['fixture-welcome', ['customer.created'], 1],
      ]);
      const [welcome] = registry.forEvent('customer.created');
      await welcome.handler.handle({ id: 'evt_1', name: 'customer.created', data: { id: 'cus_1' }, metadata: { occurred_at: '2026-01-01T00:00:00Z' } });
      expect(moduleRef.get(GreetingLog, { strict: false }).lines).toEqual(['welcome cus_1']);
    } finally {
      await moduleRef.close();
    }
  });
});
