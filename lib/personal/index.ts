import "server-only";
import { getViewer } from "@/lib/auth";
import { getThreadShell } from "@/lib/comments";
import type { ThreadPersonal } from "@/lib/comments/thread-shell";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { countWaiting } from "@/lib/moderation";
import { unreadCount } from "@/lib/notifications";
import { publicPostId } from "@/lib/posts/public-id";
import { isPostPath } from "@/lib/page-cache/policy";

// The personal layer of a shared page. A signed-in reader of an article gets the page every
// signed-in reader gets (its member shell, kept by the page cache: lib/page-cache) with, added
// by the server on the way out (lib/page-cache/splice), what is theirs alone: their name, the
// bell's count, the moderation badge, and the thread's marks (likes given, own comments,
// reports, held comments, follow). The browser shows it (components/personal). A reader for
// whom the shell would be wrong (a moderator of the blog, a sanctioned reader, a member of a
// members-only blog, one waiting for slow mode) gets the page rendered for them instead.

/** What a signed-in reader's page adds to the member shell: small, and never anyone else's. */
export type PersonalLayer = {
  viewer: { handle: string; name: string; image: string | null };
  /** Unread notifications (the bell). */
  unread: number;
  /** The moderation badge, for people who moderate a blog. */
  waiting: { count: number; href: string } | null;
  /** The article's discussion: whether they follow it, and their marks on the shared thread. */
  thread: { isFollowing: boolean; personal: ThreadPersonal };
};

/** The answer for one request: the layer, and the language the shell must be in; or "render it for them". */
export type LayerAnswer =
  { shared: true; locale: Locale | null; layer: PersonalLayer } | { shared: false; reason: "signedOut" | "notShared" };

/**
 * personalLayer: the signed-in reader's layer for the article at `path` ("/blog/post"), in a
 * constant number of queries (the viewer, the bell, the badge, the article, their ids).
 */
export async function personalLayer(path: string): Promise<LayerAnswer> {
  const viewer = await getViewer();
  if (!viewer) return { shared: false, reason: "signedOut" };
  const [, blog, post] = path.split("/");
  const postId = isPostPath(path) ? await publicPostId(blog!, post!) : null;
  if (!postId) return { shared: false, reason: "notShared" };
  const [shell, unread, waiting] = await Promise.all([
    getThreadShell(postId, viewer, { count: false }),
    unreadCount(viewer),
    countWaiting(viewer),
  ]);
  if (!shell.shared || !shell.asAnyMember) return { shared: false, reason: "notShared" };
  return {
    shared: true,
    locale: isLocale(viewer.locale) ? viewer.locale : null,
    layer: {
      viewer: { handle: viewer.handle, name: viewer.name, image: viewer.image },
      unread,
      waiting: waiting ? { count: waiting.count, href: waiting.href } : null,
      thread: { isFollowing: shell.viewer.isFollowing, personal: shell.personal },
    },
  };
}
