"use client";

import Link from "next/link";
import { Avatar } from "@/components/users/avatar";
import { countLabel, usePersonalLayer, type CountLabels } from "./layer";

// The signed-in reader's parts of the header. On a page rendered for them the server passes
// their values (`initial`); on the member shell (lib/personal) they come from the page's
// personal layer once it hydrates, and the shell shows the same links without numbers until then.

type Person = { handle: string; name: string; image: string | null };
type Waiting = { count: number; href: string } | null;

/** UnreadCount: the number on the phone's menu button (nothing when none is unread). */
export function UnreadCount({ initial, className }: { initial?: number; className?: string }) {
  const layer = usePersonalLayer();
  const unread = initial ?? layer?.unread ?? 0;
  return unread > 0 ? <span className={className}>{unread}</span> : null;
}

/** Bell: the link to one's notifications, with how many are unread. */
export function Bell({
  initial,
  labels,
  className,
  countClassName,
}: {
  initial?: number;
  labels: CountLabels;
  className?: string;
  countClassName?: string;
}) {
  const layer = usePersonalLayer();
  const unread = initial ?? layer?.unread ?? 0;
  return (
    <Link href="/notifications" className={className} aria-label={countLabel(labels, unread)}>
      <svg
        aria-hidden="true"
        width="18"
        height="18"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? <span className={countClassName}>{unread}</span> : null}
    </Link>
  );
}

/** ModerationBadge: for people who moderate a blog, how many comments wait, linking to the queue. */
export function ModerationBadge({
  initial,
  labels,
  short,
  className,
  countClassName,
}: {
  initial?: Waiting;
  labels: CountLabels;
  short: string;
  className?: string;
  countClassName?: string;
}) {
  const layer = usePersonalLayer();
  const waiting = initial !== undefined ? initial : (layer?.waiting ?? null);
  if (!waiting) return null;
  return (
    <Link
      href={waiting.href}
      className={className}
      aria-label={countLabel(labels, waiting.count)}
      data-testid="moderation-badge"
    >
      {short}
      {waiting.count > 0 ? <span className={countClassName}>{waiting.count}</span> : null}
    </Link>
  );
}

/** ProfileLink: one's picture and name, linking to one's profile. */
export function ProfileLink({ initial, className }: { initial?: Person; className?: string }) {
  const layer = usePersonalLayer();
  const person = initial ?? layer?.viewer;
  // The shell keeps the link's place until the layer names its reader.
  if (!person) return <span className={className} aria-hidden="true" data-personal-pending="" />;
  return (
    <Link href={`/u/${person.handle}`} className={className}>
      <Avatar handle={person.handle} image={person.image} size={24} />
      <span>{person.name}</span>
    </Link>
  );
}
