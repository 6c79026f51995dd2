import "server-only";
import { db } from "@/lib/db";
import { publicPostWhere } from "./public";

/** publicArticleId: the id of the article at /blog/post when anyone may read it (one indexed query). */
export async function publicArticleId(blogSlug: string, postSlug: string): Promise<string | null> {
  const post = await db.post.findFirst({
    where: { slug: postSlug, blog: { slug: blogSlug }, ...publicPostWhere() },
    select: { id: true },
  });
  return post?.id ?? null;
}
