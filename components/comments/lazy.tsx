"use client";

import dynamic from "next/dynamic";

// Client components only some readers get, each in a chunk of its own that loads where it is
// rendered, so a reader's article page does not ship them: a guest's own held comments, and the
// thread controls of the moderators' view and of a comment's own page (readers' are ThreadIsland's).
export const LazyOwnHeld = dynamic(() => import("./own-held").then((module) => module.OwnHeld));
export const LazyLoadMore = dynamic(() => import("./load-more").then((module) => module.LoadMore));
export const LazyCommentActions = dynamic(() => import("./comment-actions").then((module) => module.CommentActions));
