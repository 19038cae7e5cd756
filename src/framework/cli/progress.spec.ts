import { formatDuration, ProgressReporter, ProgressStream } from './progress';

class Recorder implements ProgressStream {
  text = '';
  constructor(readonly isTTY: boolean) {}
  columns = 100;
  write(text: string): void {
    this.text += text;
  }
}

/** A reporter on a fake clock: `tick(ms)` moves time forward. */
function reporterOn(isTTY: boolean) {
  let now = 0;
  const stream = new Recorder(isTTY);
  const reporter = new ProgressReporter('job', 'items', stream, () => now);
  return { stream, reporter, tick: (ms: number) => (now += ms) };
}

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [59.4, '59s'],
    [68, '1m08s'],
    [3725, '1h02m'],
    [Infinity, '?'],
  ])('formats %p seconds as %p', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe('ProgressReporter', () => {
  it('on a terminal, redraws one line with a bar, the rate and the ETA, and ends it when done', () => {
    const { stream, reporter, tick } = reporterOn(true);
    tick(2000);
    reporter.update(250, 1000);
    expect(stream.text).toBe(`\rjob [${'#'.repeat(10)}${'-'.repeat(30)}]  25% 250/1,000 items · 125/s · ETA 6s\x1b[K`);
    tick(6000);
    reporter.update(1000, 1000);
    expect(stream.text.endsWith('100% 1,000/1,000 items · 125/s · done in 8s\x1b[K\n')).toBe(true);
  });

  it('on a terminal, skips redraws closer than 100 ms apart but always draws the end', () => {
    const { stream, reporter, tick } = reporterOn(true);
    tick(1000);
    reporter.update(1, 3);
    tick(10);
    reporter.update(2, 3);
    expect(stream.text.match(/\r/g)).toHaveLength(1);
    reporter.update(3, 3);
    expect(stream.text.match(/\r/g)).toHaveLength(2);
  });

  it('in a pipe, prints a plain line every 10% (no carriage returns), and one every 15 s in between', () => {
    const { stream, reporter, tick } = reporterOn(false);
    for (let done = 0; done <= 1000; done += 50) {
      tick(100);
      reporter.update(done, 1000);
    }
    const lines = stream.text.trimEnd().split('\n');
    expect(stream.text).not.toContain('\r');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('job:   0% 0/1,000 items · 0/s · ETA ?');
    expect(lines[10]).toMatch(/^job: 100% 1,000\/1,000 items · \d+\/s · done in 2s$/);
    const slow = reporterOn(false);
    slow.tick(1000);
    slow.reporter.update(1, 1000);
    slow.tick(16000);
    slow.reporter.update(2, 1000);
    expect(slow.stream.text.trimEnd().split('\n')).toHaveLength(2);
  });
});
