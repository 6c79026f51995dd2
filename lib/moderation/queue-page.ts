import { QUEUE_ACTIONS } from "./queue-form";
import { QueueQuerySchema } from "./queue";

const CODES = ["CONFLICT", "FORBIDDEN", "INVALID_INPUT", "NOT_FOUND", "UNAUTHENTICATED"] as const;

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * readQueueSearch: a queue page's query string: the queue query (tab, filters, cursor; anything
 * malformed falls back to its default) and the notice of the last decision (done, ids, error).
 */
export function readQueueSearch(search: Search) {
  const query = QueueQuerySchema.parse({
    tab: one(search.tab),
    blog: one(search.blog) || undefined,
    post: one(search.post) || undefined,
    author: one(search.author) || undefined,
    cursor: one(search.cursor) || undefined,
  });
  const done = one(search.done);
  const error = one(search.error);
  const ids = (one(search.ids) ?? "")
    .split(",")
    .filter((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id))
    .slice(0, 100);
  return {
    query,
    notice: {
      done: (QUEUE_ACTIONS as readonly string[]).includes(done ?? "") ? done : undefined,
      ids,
      error: (CODES as readonly string[]).includes(error ?? "") ? error : undefined,
    },
  };
}
