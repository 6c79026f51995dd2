import "server-only";
import { escapeHtml as esc } from "@/lib/html";

// The signed-in reader's parts of the header (the moderation badge, the bell, their name; the
// count on the phone's menu button), written as HTML on the server: the layout ships no client
// component for them. A page rendered for the reader has their values. The member shell
// (lib/page-cache/splice) has the same markup without anyone's: its links wait hidden until the
// browser fills them from the personal layer the server put into the page (fillPersonalHeader in
// components/personal/personal-header). React holds each part as one opaque block
// (dangerouslySetInnerHTML), so hydration never compares what the browser wrote there, and a
// later render for the reader (a refresh) replaces the block whole.

/** CountLabels: a label for no, one, and several (with "#" for the number), made on the server. */
export type CountLabels = { zero: string; one: string; other: string };

const countLabel = (labels: CountLabels, count: number) =>
  count === 0 ? labels.zero : count === 1 ? labels.one : labels.other.replace("#", String(count));

/** The reader's values, or null on the member shell. */
export type HeaderValues = {
  person: { handle: string; name: string; image: string | null };
  unread: number;
  waiting: { count: number; href: string } | null;
} | null;

export type HeaderText = {
  bell: CountLabels;
  badge: CountLabels;
  badgeShort: string;
  classes: { bell: string; count: string; me: string };
};

const count = (kind: "unread" | "waiting", value: number, className: string) =>
  `<span class="${esc(className)}" data-personal-count="${kind}"${value > 0 ? "" : " hidden"}>${value}</span>`;

const avatarUrl = (handle: string, image: string | null) => image ?? `/api/avatar/${encodeURIComponent(handle)}`;

/** menuCountHtml: the number on the phone's menu button (hidden when none is unread). */
export const menuCountHtml = (values: HeaderValues, className: string) =>
  count("unread", values?.unread ?? 0, className);

const BELL_ICON =
  '<svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9"/><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"/></svg>';

/** personalLinksHtml: the moderation badge (for people who moderate a blog), the bell, and one's name. */
export function personalLinksHtml(values: HeaderValues, text: HeaderText): string {
  const { classes } = text;
  const unread = values?.unread ?? 0;
  const waiting = values?.waiting ?? null;
  const person = values?.person ?? null;
  // The shell's links carry their labels for the browser to say the reader's counts (personal-header).
  const labels = (of: CountLabels) => (values ? "" : ` data-labels="${esc(JSON.stringify(of))}"`);
  const badge =
    `<a class="${esc(classes.bell)}" href="${esc(waiting?.href ?? "/")}" aria-label="${esc(countLabel(text.badge, waiting?.count ?? 0))}" ` +
    `data-testid="moderation-badge" data-personal="badge"${labels(text.badge)}${waiting ? "" : " hidden"}>` +
    `${esc(text.badgeShort)}${count("waiting", waiting?.count ?? 0, classes.count)}</a>`;
  const bell =
    `<a class="${esc(classes.bell)}" href="/notifications" aria-label="${esc(countLabel(text.bell, unread))}" data-personal="bell"${labels(text.bell)}>` +
    `${BELL_ICON}${count("unread", unread, classes.count)}</a>`;
  // On the shell the link keeps no one's name or picture (no src: nothing is fetched) until filled.
  const me = person
    ? `<a class="${esc(classes.me)}" href="/u/${encodeURIComponent(person.handle)}" data-personal="me">` +
      `<img class="avatar" src="${esc(avatarUrl(person.handle, person.image))}" alt="" width="24" height="24" loading="lazy"><span>${esc(person.name)}</span></a>`
    : `<a class="${esc(classes.me)}" href="/settings" data-personal="me" hidden><img class="avatar" alt="" width="24" height="24"><span></span></a>`;
  return badge + bell + me;
}
