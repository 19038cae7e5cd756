import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import type { DiscoveryService } from '@nestjs/core';
import { BullQueueErrorListeners } from './bull-queue-errors';

/** A Bull queue as far as discovery and the listeners see it: an emitter with a name and a client. */
function fakeQueue(name: string) {
  return Object.assign(new EventEmitter(), { name, getJobCounts: async () => ({}), client: new EventEmitter() });
}

describe('BullQueueErrorListeners', () => {
  const warn = jest.fn();
  const log = jest.fn();

  beforeEach(() => {
    warn.mockReset();
    log.mockReset();
    Logger.overrideLogger({ warn, log, error: jest.fn(), debug: jest.fn(), verbose: jest.fn(), fatal: jest.fn() });
  });
  afterAll(() => Logger.overrideLogger(false));

  it("keeps a plugin's queue from crashing the process when Redis drops, logging once per outage", () => {
    const plugin = fakeQueue('plugin-exports');
    const events = fakeQueue('stheno-events');
    const discovery = {
      getProviders: () => [
        { token: 'BullQueue_stheno-events', instance: events },
        { token: 'BullQueue_plugin-exports', instance: plugin },
        { token: 'SomethingElse', instance: fakeQueue('not-a-queue-token') },
      ],
    } as unknown as DiscoveryService;
    // unheard, an 'error' event throws out of emit: what would crash the process
    expect(() => plugin.emit('error', new Error('connect ECONNREFUSED'))).toThrow('ECONNREFUSED');

    new BullQueueErrorListeners(discovery).onModuleInit();

    expect(() => plugin.emit('error', new Error('connect ECONNREFUSED'))).not.toThrow();
    plugin.emit('error', new Error('connect ECONNREFUSED'));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][1] ?? warn.mock.calls[0][0])).toMatch(/Queue plugin-exports cannot reach Redis/);
    // reconnected: said once, and the next outage is logged again
    plugin.client.emit('ready');
    expect(log).toHaveBeenCalledTimes(1);
    plugin.emit('error', new Error('read ECONNRESET'));
    expect(warn).toHaveBeenCalledTimes(2);
    // every discovered queue is covered, the app's own included
    expect(() => events.emit('error', new Error('connect ECONNREFUSED'))).not.toThrow();
  });
});
