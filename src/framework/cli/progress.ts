/**
 * Progress of a long CLI job on stderr (stdout stays for the result): a redrawn bar with rate and
 * ETA on a terminal, or a plain line every 10% (and at least every 15 s) when stderr is a pipe or a
 * log file, where carriage returns would only make noise.
 */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const REDRAW_MS = 100;
const LINE_EVERY_MS = 15000;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export class ProgressReporter {
  private readonly started: number;
  private lastDraw = 0;
  private lastLineDone = -1;
  private lastLineAt = 0;

  constructor(
    private readonly label: string,
    private readonly unit: string,
    private readonly stream: ProgressStream = process.stderr,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = this.now();
  }

  update(done: number, total: number): void {
    const at = this.now();
    const finished = done >= total;
    if (this.stream.isTTY) {
      if (!finished && at - this.lastDraw < REDRAW_MS) return;
      this.lastDraw = at;
      this.stream.write(`\r${this.describe(done, total, at, true)}\x1b[K${finished ? '\n' : ''}`);
      return;
    }
    const step = Math.max(1, Math.ceil(total / 10));
    const crossedStep = Math.floor(done / step) > Math.floor(this.lastLineDone / step);
    if (finished || crossedStep || at - this.lastLineAt >= LINE_EVERY_MS) {
      if (done === this.lastLineDone) return;
      this.lastLineDone = done;
      this.lastLineAt = at;
      this.stream.write(`${this.describe(done, total, at, false)}\n`);
    }
  }

  private describe(done: number, total: number, at: number, withBar: boolean): string {
    const elapsed = (at - this.started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const share = total ? done / total : 1;
    const percent = `${Math.floor(share * 100)}`.padStart(3);
    const counts = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${this.unit}`;
    const eta = done >= total ? `done in ${formatDuration(elapsed)}` : `ETA ${rate > 0 ? formatDuration((total - done) / rate) : '?'}`;
    const text = `${percent}% ${counts} · ${Math.round(rate).toLocaleString('en-US')}/s · ${eta}`;
    if (!withBar) return `${this.label}: ${text}`;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - text.length - this.label.length - 6));
    const filled = Math.round(share * width);
    return `${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}`;
  }
}
