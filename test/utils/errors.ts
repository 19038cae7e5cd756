import { SthenoError } from '../../src/framework/errors/stheno-error';

function messageOfInvalidData(error: unknown): string {
  expect(error).toBeInstanceOf(SthenoError);
  expect((error as SthenoError).type).toBe('invalid_data');
  return (error as SthenoError).message;
}

/** Runs `run`, asserts it throws a SthenoError of type invalid_data, and returns its message. */
export function invalidDataMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return messageOfInvalidData(error);
  }
  throw new Error('expected an invalid_data error');
}

/** The same for an async `run`. */
export async function invalidDataMessageAsync(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return messageOfInvalidData(error);
  }
  throw new Error('expected an invalid_data error');
}
