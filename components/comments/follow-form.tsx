"use client";

import { usePersonalLayer } from "@/components/personal/layer";

/**
 * FollowForm: follow or unfollow the article's discussion (notified of new comments). On the
 * member shell the state comes with the reader's personal layer (lib/personal); elsewhere the
 * server passes it (`initial`).
 */
export function FollowForm({
  action,
  postId,
  path,
  initial,
  labels,
}: {
  action: (form: FormData) => Promise<void>;
  postId: string;
  path: string;
  initial?: boolean;
  labels: { follow: string; unfollow: string };
}) {
  const layer = usePersonalLayer();
  const following = initial ?? layer?.thread.isFollowing ?? false;
  return (
    <form action={action}>
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="path" value={path} />
      <input type="hidden" name="follow" value={following ? "0" : "1"} />
      <button type="submit" className="link-button">
        {following ? labels.unfollow : labels.follow}
      </button>
    </form>
  );
}
