import type { Link, Parent, PhrasingContent, Root, Text } from "mdast";
import type { MentionUser, ResolvedMentions } from "./match";
import { forEachMentionableText } from "./parse";
import { phrasesAt } from "./scan";

/**
 * mentionLink: the chip of one mention. Its text is always "@" + the person's display name,
 * whatever was typed ("@EtienneDenis", "@etienne denis" and "@Étienne" all read "@Étienne Denis"),
 * so every mention of a person looks the same.
 */
function mentionLink(user: MentionUser): Link {
  return {
    type: "link",
    url: `/u/${encodeURIComponent(user.handle)}`,
    children: [{ type: "text", value: `@${user.name}` }],
    data: { hProperties: { className: ["mention"], dataUserId: user.id } },
  };
}

/** splitMentions: the text node's content with each resolved mention turned into a link. */
function splitMentions(value: string, resolved: ResolvedMentions): PhrasingContent[] | null {
  const parts: PhrasingContent[] = [];
  let from = 0;
  for (let at = value.indexOf("@"); at !== -1; at = value.indexOf("@", at + 1)) {
    if (at < from) continue;
    for (const phrase of phrasesAt(value, at)) {
      // A reading that names several people leaves this "@" as text (as pickMentions did).
      if (resolved.ambiguous.has(phrase.key)) break;
      const user = resolved.byKey.get(phrase.key);
      if (!user) continue;
      if (at > from) parts.push({ type: "text", value: value.slice(from, at) });
      parts.push(mentionLink(user));
      from = phrase.end;
      at = phrase.end - 1;
      break;
    }
  }
  if (!parts.length) return null;
  if (from < value.length) parts.push({ type: "text", value: value.slice(from) });
  return parts;
}

/**
 * remarkMentions: a remark plugin turning each resolved "@Name" / "@handle" of the text (never
 * code, never a link's text) into `<a class="mention" href="/u/<handle>" data-user-id="<id>">@Display Name</a>`,
 * reading the longest match first as resolveMentions did. Unknown names stay plain text.
 */
export function remarkMentions(resolved: ResolvedMentions) {
  return function attacher() {
    return (tree: Root) => {
      if (!resolved.byKey.size) return;
      forEachMentionableText(tree, (node: Text, parent: Parent, index: number) => {
        const parts = splitMentions(node.value, resolved);
        if (parts) parent.children.splice(index, 1, ...(parts as Parent["children"]));
      });
    };
  };
}
