/**
 * A small deterministic pseudo-random stream (mulberry32) so that one seed always builds the same
 * catalog. Not for anything secret: ids still come from `generateId`, only the content is seeded.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    // spread nearby seeds (1, 2, 3…) over the state space so their streams do not start alike
    this.state = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` distinct items, kept in their original order (sizes stay XS → XXL). */
  subset<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set(this.shuffled(items.map((_, index) => index)).slice(0, count));
    return items.filter((_, index) => chosen.has(index));
  }

  /** `count` consecutive items from a random start (a believable size run: S–XL, 39–44). */
  run<T>(items: readonly T[], count: number): T[] {
    const start = this.int(0, items.length - count);
    return items.slice(start, start + count);
  }

  shuffled<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}
