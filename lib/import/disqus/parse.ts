import { SaxesParser, type SaxesTagPlain } from "saxes";
import { streamXml } from "../xml";

// A Disqus export (XML: <category>s, then <thread>s, then <post>s), read as a stream one element
// at a time, so a file of any size is read in bounded memory.

export type DisqusThread = { id: string; link: string; title: string };
export type DisqusPost = {
  id: string;
  threadId: string;
  parentId: string | null;
  message: string;
  createdAt: string;
  isDeleted: boolean;
  isSpam: boolean;
  author: { name: string; email: string; username: string };
};
export type DisqusEvent = { kind: "thread"; thread: DisqusThread } | { kind: "post"; post: DisqusPost };

/** DisqusError: the file is not a readable Disqus export. */
class DisqusError extends Error {}

/** readDisqus: the threads and posts of a Disqus export, in file order; throws DisqusError on a malformed or cut file. */
export async function* readDisqus(
  path: string,
  options: { onBytes?: (bytes: number) => void } = {},
): AsyncGenerator<DisqusEvent> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const ready: DisqusEvent[] = [];
  const stack: string[] = [];
  let thread: DisqusThread | null = null;
  let post: DisqusPost | null = null;
  let text = "";
  let sawRoot = false;
  const id = (tag: SaxesTagPlain) => String(tag.attributes["dsq:id"] ?? "");

  parser.on("opentag", (tag: SaxesTagPlain) => {
    stack.push(tag.name);
    text = "";
    const parent = stack.at(-2);
    if (tag.name === "disqus") sawRoot = true;
    else if (parent === "disqus" && tag.name === "thread") thread = { id: id(tag), link: "", title: "" };
    else if (parent === "disqus" && tag.name === "post")
      post = {
        id: id(tag),
        threadId: "",
        parentId: null,
        message: "",
        createdAt: "",
        isDeleted: false,
        isSpam: false,
        author: { name: "", email: "", username: "" },
      };
    else if (post && parent === "post" && tag.name === "thread") post.threadId = id(tag);
    else if (post && parent === "post" && tag.name === "parent") post.parentId = id(tag) || null;
  });
  parser.on("text", (value) => (text += value));
  parser.on("cdata", (value) => (text += value));
  parser.on("closetag", (tag) => {
    stack.pop();
    const parent = stack.at(-1);
    const value = text;
    text = "";
    if (thread) {
      if (tag.name === "thread" && parent === "disqus") {
        ready.push({ kind: "thread", thread });
        thread = null;
      } else if (parent === "thread" && (tag.name === "link" || tag.name === "title")) thread[tag.name] = value.trim();
    } else if (post) {
      if (tag.name === "post" && parent === "disqus") {
        ready.push({ kind: "post", post });
        post = null;
      } else if (parent === "post") {
        if (tag.name === "message") post.message = value;
        else if (tag.name === "createdAt") post.createdAt = value.trim();
        else if (tag.name === "isDeleted") post.isDeleted = value.trim() === "true";
        else if (tag.name === "isSpam") post.isSpam = value.trim() === "true";
      } else if (parent === "author" && (tag.name === "name" || tag.name === "email" || tag.name === "username"))
        post.author[tag.name] = value.trim();
    }
  });
  yield* streamXml(path, parser, ready, (message) => new DisqusError(message), options.onBytes);
  if (!sawRoot) throw new DisqusError("The file is not a Disqus export (no <disqus> element).");
  if (stack.length) throw new DisqusError(`The file ends in the middle (inside <${stack.at(-1)}>): it was cut short.`);
  while (ready.length) yield ready.shift()!;
}
