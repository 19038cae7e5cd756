/**
 * Counts of filtered store lists, each remembered with the catalog version it was computed under
 * (read in the same statement, hence the same snapshot). A count is reused only while the version
 * is unchanged, and every write that could change a count changes the version (catalog_version
 * triggers): the cache is exact, never merely fresh enough. Per process; bounded, oldest out first.
 */
export class CountCache {
  private readonly entries = new Map<string, { version: string; count: number }>();

  constructor(private readonly capacity = 5000) {}

  /** The cached count of `key` and the version it holds for; the page statement compares that version. */
  get(key: string): { version: string; count: number } | undefined {
    return this.entries.get(key);
  }

  set(key: string, version: string, count: number): void {
    this.entries.delete(key);
    this.entries.set(key, { version, count });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
