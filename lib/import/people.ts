import "server-only";
import { db, newId } from "@/lib/db";
import { EmailSchema, foldKey, RESERVED_HANDLES } from "@/lib/users";

/** Who wrote an imported item: an account, or a guest author (name, e-mail never shown, website). */
export type ImportedAuthor =
  { kind: "user"; userId: string } | { kind: "guest"; name: string; email: string | null; url: string | null };

export type PersonInput = { name: string; email: string; url?: string; login?: string };

/**
 * People: matches the authors of an import to accounts, one query per new e-mail address.
 * "operator" (the command run by the server's operator): any account with that e-mail, or a new
 * account without password (claimed later by a password reset). "members" (a blog owner's
 * import): only accounts that are members of the blog; everyone else stays a guest author, so an
 * owner cannot put words under someone else's account.
 */
export class People {
  private known = new Map<string, string | null>();
  readonly created: string[] = [];
  readonly counts = { created: 0, matched: 0, guests: 0 };

  constructor(
    private readonly mode: "operator" | "members",
    private readonly blogId: string,
    private readonly onCreate: (userId: string) => Promise<void>,
  ) {}

  /** prefetch: looks up a batch's new e-mail addresses in one query (author() then needs none for them). */
  async prefetch(people: PersonInput[]): Promise<void> {
    const emails = [
      ...new Set(people.map((p) => EmailSchema.safeParse(p.email)).flatMap((e) => (e.success ? [e.data] : []))),
    ].filter((email) => !this.known.has(email));
    if (!emails.length) return;
    const users = await db.user.findMany({
      where: { email: { in: emails } },
      select: {
        id: true,
        email: true,
        deletedAt: true,
        memberships: { where: { blogId: this.blogId }, select: { id: true } },
      },
    });
    for (const user of users) {
      const usable = !user.deletedAt && (this.mode === "operator" || user.memberships.length > 0);
      this.known.set(user.email!, usable ? user.id : null);
      if (usable) this.counts.matched++;
    }
  }

  async author(person: PersonInput): Promise<ImportedAuthor> {
    const email = EmailSchema.safeParse(person.email);
    const name = person.name.normalize("NFC").trim().replace(/\s+/g, " ").slice(0, 60) || "?";
    const guest = {
      kind: "guest" as const,
      name,
      email: email.success ? email.data : null,
      url: /^https?:\/\//i.test(person.url ?? "") ? person.url!.slice(0, 500) : null,
    };
    if (!email.success) {
      this.counts.guests++;
      return guest;
    }
    let userId = this.known.get(email.data);
    if (userId === undefined) {
      userId = await this.lookup(email.data, name, person.login);
      this.known.set(email.data, userId);
    }
    if (!userId) {
      this.counts.guests++;
      return guest;
    }
    return { kind: "user", userId };
  }

  private async lookup(email: string, name: string, login?: string): Promise<string | null> {
    const user = await db.user.findUnique({
      where: { email },
      select: { id: true, deletedAt: true, memberships: { where: { blogId: this.blogId }, select: { id: true } } },
    });
    if (user && !user.deletedAt && (this.mode === "operator" || user.memberships.length)) {
      this.counts.matched++;
      return user.id;
    }
    if (user || this.mode === "members") return null;
    const id = newId();
    const handle = await freeHandle(login || name || email.split("@")[0]!);
    await db.user.create({
      data: { id, handle, handleKey: handle.toLowerCase(), name, nameKey: foldKey(name), email },
    });
    await this.onCreate(id);
    this.created.push(id);
    this.counts.created++;
    return id;
  }
}

/** freeHandle: a valid handle made from a login or a name ("Josée Tremblay" → "josee-tremblay", then "-2"…). */
async function freeHandle(source: string): Promise<string> {
  let base = foldKey(source)
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^[-_]+|-+$/g, "")
    .slice(0, 24);
  if (base.length < 2) base = `${base}person`.slice(0, 24);
  if (RESERVED_HANDLES.has(base)) base = `${base}-wp`;
  const taken = new Set(
    (await db.user.findMany({ where: { handleKey: { startsWith: base } }, select: { handleKey: true } })).map(
      (row) => row.handleKey,
    ),
  );
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
