// Region reads kept in memory (docs/decisions/035). The regions of Indonesia change only when
// they are loaded (at start) or a board renames a kelurahan, both here in this one server
// process, which then forgets what it kept. A list page reads a chapter's kelurahan for its
// filters on every request: kept, it costs nothing.

const kept = new Map<string, Promise<unknown>>();

/** The result of `read` for `key`, read once until the regions change. */
export function keptRegionRead<T>(key: string, read: () => Promise<T>): Promise<T> {
  let entry = kept.get(key) as Promise<T> | undefined;
  if (!entry) {
    entry = read();
    kept.set(key, entry);
    // a failed read is not kept
    entry.catch(() => kept.delete(key));
  }
  return entry;
}

/** Forgets every kept read: after regions were loaded or renamed. */
export function forgetRegionReads() {
  kept.clear();
}
