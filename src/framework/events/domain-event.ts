/** An event as subscribers receive it: the outbox row's id, its name and its thin payload. */
export interface DomainEvent<TData extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  name: string;
  data: TData;
  metadata: EventMetadata;
}

export interface EventMetadata {
  occurred_at: string;
  request_id?: string;
  actor_type?: string;
  actor_id?: string;
}

export interface SubscriberOptions {
  /** Stable id: part of the Bull job id, so renaming it re-delivers in-flight events. */
  id: string;
  events: string[];
  /** Total attempts before the delivery is given up (default 3). */
  attempts?: number;
  /** Base delay of the exponential backoff between attempts, in ms (default 1000). */
  backoffMs?: number;
  /** Jobs of this subscriber processed at once by one worker (Bull only, default 1). */
  concurrency?: number;
}

export interface EventSubscriberHandler {
  handle(event: DomainEvent): Promise<void>;
}

export interface RegisteredSubscriber {
  options: Required<SubscriberOptions>;
  handler: EventSubscriberHandler;
}

/** Dispatches claimed events to their subscribers; resolves once every delivery is safely handed over. */
export interface EventDispatcher {
  readonly kind: 'local' | 'bull';
  dispatch(event: DomainEvent, subscribers: RegisteredSubscriber[]): Promise<DispatchOutcome>;
  close(): Promise<void>;
}

export interface DispatchOutcome {
  /** Subscribers whose delivery ultimately failed (local mode); logged and recorded on the row. */
  failed: string[];
  /** Shutdown cut a delivery short: the event must be delivered again, not marked dispatched. */
  interrupted?: boolean;
}

export const EVENT_DISPATCHER = Symbol('EVENT_DISPATCHER');
export const EVENTS_QUEUE = 'stheno-events';
