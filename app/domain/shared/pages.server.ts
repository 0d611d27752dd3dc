// Pages of long lists (docs/decisions/031). A page is still "page n of the list in its order",
// so that page links and URLs keep working, but a page past the middle is read from the other
// end: the list's order reversed, a small offset from the end, and the rows turned back. The
// last page of two million rows then walks 50 rows instead of two million. This needs a total
// order (the last sort key unique, e.g. the id): with ties, the two ends could disagree.

type Direction = "asc" | "desc";
type OrderBy = { [field: string]: Direction | OrderBy };

/** Which rows of a list of `total` make page `page`: an offset from the start, or from the end in reverse. */
export function pageWindow(page: number, total: number, size: number): { skip: number; take: number; reverse: boolean } {
  const start = (Math.max(1, page) - 1) * size;
  // pages past the end stay empty, as an OFFSET past the end is
  if (start >= total || start * 2 <= total) return { skip: start, take: size, reverse: false };
  const end = Math.min(total, start + size);
  return { skip: total - end, take: end - start, reverse: true };
}

function flip<T extends OrderBy>(entry: T): T {
  return Object.fromEntries(
    Object.entries(entry).map(([key, value]) => [key, typeof value === "string" ? (value === "asc" ? "desc" : "asc") : flip(value)]),
  ) as T;
}

/**
 * Reads page `page` of a list whose order is `orderBy` (ending in a unique key) and which has
 * `total` rows: `read` is the list's findMany with the order, offset and count to use.
 */
export async function readPage<O extends OrderBy, R>(
  orderBy: O[],
  page: number,
  total: number,
  size: number,
  read: (args: { orderBy: O[]; skip: number; take: number }) => Promise<R[]>,
): Promise<R[]> {
  const window = pageWindow(page, total, size);
  if (!window.reverse) return read({ orderBy, skip: window.skip, take: window.take });
  const rows = await read({ orderBy: orderBy.map(flip), skip: window.skip, take: window.take });
  return rows.reverse();
}
