import "server-only";
import { JSONParser } from "@streamparser/json";
import { db, type Tx } from "@/lib/db";
import { reindexAll } from "@/lib/search";
import { ExportMetaSchema, RECORD_SCHEMAS, SECTION_ORDER, type RecordOf, type SectionName } from "./schema";
import { BATCH, SECTIONS } from "./sections";

/** ImportRefusal: why a file was not loaded (nothing was written); the message is for the operator. */
export class ImportRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportRefusal";
  }
}

export type ImportSummary = { scope: string; counts: Partial<Record<SectionName, number>> };

const NO_HEADER = 'Not a Tribune export: the file must start with its "meta" header.';

/**
 * A batch is also cut at about this many characters of text: Prisma keeps the arguments of its
 * last 100 calls for its crash reports, so the size of one batch, not of the file, sets what an
 * import holds in memory.
 */
const BATCH_CHARS = 64_000;

/** A whole import runs in one transaction; a large instance takes a while, and nobody else writes to an empty one. */
const TRANSACTION_TIMEOUT_MS = 6 * 60 * 60 * 1000;

/** assertEmpty: the instance has no people, blogs, posts, comments, tags, settings or audit entries. */
async function assertEmpty(tx: Tx): Promise<void> {
  const counts = await Promise.all([
    tx.user.count(),
    tx.blog.count(),
    tx.post.count(),
    tx.comment.count(),
    tx.tag.count(),
    tx.setting.count(),
    tx.auditEntry.count(),
  ]);
  if (counts.some((n) => n > 0))
    throw new ImportRefusal(
      "This instance is not empty: an export loads only into an instance with no people, blogs or settings yet " +
        "(point DATABASE_URL at a new database and run npm run db:migrate first). Nothing was changed.",
    );
}

/**
 * Loader: takes the parsed values in file order, validates each record, and writes them in
 * batches of BATCH, section after section. A reply may come before its parent within one article
 * (imported threads can have odd dates): it waits until its parent has been taken.
 */
class Loader {
  private meta = false;
  private section = -1;
  private index = 0;
  private pending: unknown[] = [];
  private pendingChars = 0;
  readonly counts: Partial<Record<SectionName, number>> = {};
  scope = "";
  // Comments of the article being read: the ids taken so far and the replies waiting for a parent.
  private thread: { postId: string | null; seen: Set<string>; waiting: Map<string, RecordOf<"comments">[]> } = {
    postId: null,
    seen: new Set(),
    waiting: new Map(),
  };

  constructor(private readonly tx: Tx) {}

  async take(key: string | number | undefined, path: (string | number | undefined)[], value: unknown): Promise<void> {
    if (path.length === 1 && key === "meta") return this.takeMeta(value);
    if (path.length !== 2 || path[1] === "meta") return;
    if (!this.meta) throw new ImportRefusal(NO_HEADER);
    const name = String(path[1]);
    const at = SECTION_ORDER.indexOf(name as SectionName);
    if (at < 0) throw new ImportRefusal(`Unknown section "${name}" (this version of Tribune reads format version 1).`);
    if (typeof key !== "number") throw new ImportRefusal(`Section "${name}" must be an array.`);
    if (at !== this.section) {
      if (at < this.section) throw new ImportRefusal(`Section "${name}" is out of order or repeated.`);
      await this.flush();
      this.section = at;
      this.index = 0;
    }
    const parsed = RECORD_SCHEMAS[name as SectionName].safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ImportRefusal(`${name}[${this.index}] ${issue.path.join(".") || "(record)"}: ${issue.message}`);
    }
    this.index++;
    if (name === "comments") this.takeComment(parsed.data as RecordOf<"comments">);
    else this.push(parsed.data);
    if (this.pending.length >= BATCH || this.pendingChars >= BATCH_CHARS) await this.flush();
  }

  private push(record: object): void {
    this.pending.push(record);
    for (const value of Object.values(record)) this.pendingChars += typeof value === "string" ? value.length : 8;
  }

  private takeMeta(value: unknown): void {
    const parsed = ExportMetaSchema.safeParse(value);
    if (!parsed.success)
      throw new ImportRefusal(
        'Not a Tribune export of format version 1 ("meta" must say format "tribune-export", version 1).',
      );
    this.meta = true;
    const { scope } = parsed.data;
    this.scope = scope.kind === "instance" ? "the whole instance" : `the blog ${scope.blog}`;
  }

  private takeComment(comment: RecordOf<"comments">): void {
    const thread = this.thread;
    if (comment.postId !== thread.postId) {
      this.assertThreadComplete();
      this.thread = { postId: comment.postId, seen: new Set(), waiting: new Map() };
    }
    if (comment.parentId && !this.thread.seen.has(comment.parentId)) {
      const siblings = this.thread.waiting.get(comment.parentId) ?? [];
      siblings.push(comment);
      this.thread.waiting.set(comment.parentId, siblings);
      return;
    }
    const ready = [comment];
    while (ready.length) {
      const next = ready.pop()!;
      this.push(next);
      this.thread.seen.add(next.id);
      const replies = this.thread.waiting.get(next.id);
      if (replies) {
        this.thread.waiting.delete(next.id);
        ready.push(...replies.reverse());
      }
    }
  }

  private assertThreadComplete(): void {
    const [parentId, replies] = this.thread.waiting.entries().next().value ?? [];
    if (parentId)
      throw new ImportRefusal(
        `comments: ${replies!.length} repl${replies!.length > 1 ? "ies" : "y"} to ${parentId}, which is not among the comments of article ${this.thread.postId} (comments must be grouped by article).`,
      );
  }

  async flush(): Promise<void> {
    if (!this.pending.length) return;
    const name = SECTION_ORDER[this.section]!;
    const rows = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    try {
      await (SECTIONS[name].insert as (tx: Tx, rows: unknown[]) => Promise<unknown>)(this.tx, rows);
    } catch (error) {
      const reason = (error as { code?: string }).code ?? (error as Error).message.split("\n").at(-1);
      throw new ImportRefusal(`${name}: a batch could not be written (${reason}): the file does not hold together.`);
    }
    this.counts[name] = (this.counts[name] ?? 0) + rows.length;
  }

  async finish(): Promise<void> {
    if (!this.meta) throw new ImportRefusal(NO_HEADER);
    this.assertThreadComplete();
    await this.flush();
  }
}

/**
 * importExport: loads an export (the file's bytes, in any chunks) into an empty instance, all or
 * nothing: one transaction, checked empty inside it, records validated one by one and written in
 * batches; a file that is cut, malformed or inconsistent rolls everything back (ImportRefusal).
 * The search index is rebuilt once the data is in.
 */
export async function importExport(chunks: AsyncIterable<Uint8Array | string>): Promise<ImportSummary> {
  const summary = await db.$transaction(
    async (tx) => {
      await assertEmpty(tx);
      const loader = new Loader(tx);
      const parser = new JSONParser({ paths: ["$.meta", "$.*.*"], keepStack: false });
      const values: { key: string | number | undefined; path: (string | number | undefined)[]; value: unknown }[] = [];
      parser.onValue = ({ value, key, stack }) => values.push({ key, path: stack.map((s) => s.key), value });
      for await (const chunk of chunks) {
        try {
          parser.write(chunk);
        } catch (error) {
          throw new ImportRefusal(`The file is not valid JSON: ${(error as Error).message}`);
        }
        for (const { key, path, value } of values.splice(0)) await loader.take(key, path, value);
      }
      if (!parser.isEnded) throw new ImportRefusal("The file ends in the middle: it was cut (nothing was imported).");
      await loader.finish();
      return { scope: loader.scope, counts: loader.counts };
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  );
  await reindexAll();
  return summary;
}
