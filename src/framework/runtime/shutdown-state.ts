import { Injectable } from '@nestjs/common';

/** Shared flag: once draining, responses ask clients to close keep-alive connections. */
@Injectable()
export class ShutdownState {
  draining = false;
}
