import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { plainMessage } from "@/lib/i18n/plain";
import {
  BlogFileSchema,
  BlogSlugSchema,
  CommentFileSchema,
  PersonFileSchema,
  PostFileSchema,
  PostSlugSchema,
  type BlogFile,
  type CommentEntry,
  type PersonFile,
  type PostFile,
} from "./schemas";

export type LoadedPerson = PersonFile & { bio: string; file: string };
export type LoadedPost = PostFile & { slug: string; body: string; hash: string; file: string; comments: LoadedComment[] };
export type LoadedComment = CommentEntry & { hash: string; file: string };
export type LoadedBlog = BlogFile & { slug: string; description: string; file: string; posts: LoadedPost[] };
export type ContentBundle = { people: LoadedPerson[]; blogs: LoadedBlog[] };

/** ContentError: every problem found in content/, each naming its file and field. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid content (nothing was written):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ContentError";
  }
}

const yamlEngine = { parse: (text: string) => parseYaml(text) as object };
const hash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
const listFiles = (dir: string, ext: string) =>
  existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(ext)).sort() : [];

/** loadContent: reads and validates the whole content folder; throws ContentError listing every problem. */
export function loadContent(root: string): ContentBundle {
  const problems: string[] = [];
  const rel = (file: string) => relative(process.cwd(), file) || file;

  function check<S extends z.ZodType>(schema: S, data: unknown, file: string, what: string): z.infer<S> | null {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const field = issue.path.length ? `field "${issue.path.join(".")}"` : "(whole file)";
      problems.push(`${rel(file)}: ${what} ${field}: ${plainMessage(issue.message)}`);
    }
    return null;
  }

  function readMatter(file: string): { data: unknown; body: string } | null {
    try {
      const parsed = matter(readFileSync(file, "utf8"), { engines: { yaml: yamlEngine } });
      return { data: parsed.data, body: parsed.content.trim() };
    } catch (error) {
      problems.push(`${rel(file)}: front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
      return null;
    }
  }

  const people: LoadedPerson[] = [];
  for (const name of listFiles(join(root, "people"), ".md")) {
    const file = join(root, "people", name);
    const raw = readMatter(file);
    const person = raw && check(PersonFileSchema, raw.data, file, "front matter");
    if (raw && person) people.push({ ...person, bio: raw.body, file: rel(file) });
  }

  const blogs: LoadedBlog[] = [];
  const blogsDir = join(root, "blogs");
  const blogSlugs = existsSync(blogsDir) ? readdirSync(blogsDir, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];
  for (const dir of blogSlugs.map((d) => d.name).sort()) {
    const blogDir = join(blogsDir, dir);
    const blogFile = join(blogDir, "blog.md");
    const slug = check(BlogSlugSchema, dir, blogDir, "folder name (blog slug)");
    if (!existsSync(blogFile)) {
      problems.push(`${rel(blogFile)}: missing (each blog folder needs a blog.md)`);
      continue;
    }
    const raw = readMatter(blogFile);
    const blog = raw && check(BlogFileSchema, raw.data, blogFile, "front matter");
    if (!raw || !blog || !slug) continue;
    const posts = loadPosts(blogDir);
    blogs.push({ ...blog, slug, description: raw.body, file: rel(blogFile), posts });
  }

  function loadPosts(blogDir: string): LoadedPost[] {
    const posts: LoadedPost[] = [];
    for (const name of listFiles(join(blogDir, "posts"), ".md")) {
      const file = join(blogDir, "posts", name);
      const slug = check(PostSlugSchema, basename(name, ".md"), file, "file name (article slug)");
      const raw = readMatter(file);
      const post = raw && check(PostFileSchema, raw.data, file, "front matter");
      if (!raw || !post || !slug) continue;
      const comments = loadComments(join(blogDir, "comments", `${slug}.yml`));
      posts.push({ ...post, slug, body: raw.body, hash: hash([post, raw.body]), file: rel(file), comments });
    }
    return posts;
  }

  function loadComments(file: string): LoadedComment[] {
    if (!existsSync(file)) return [];
    let data: unknown;
    try {
      data = parseYaml(readFileSync(file, "utf8"));
    } catch (error) {
      problems.push(`${rel(file)}: not valid YAML: ${(error as Error).message.split("\n")[0]}`);
      return [];
    }
    const entries = check(CommentFileSchema, data ?? [], file, "comment");
    if (!entries) return [];
    const seen = new Set<string>();
    for (const [index, entry] of entries.entries()) {
      if (seen.has(entry.id)) problems.push(`${rel(file)}: comment field "${index}.id": "${entry.id}" is used twice`);
      if (entry.parent && !seen.has(entry.parent)) {
        problems.push(`${rel(file)}: comment field "${index}.parent": "${entry.parent}" must be the id of an earlier comment`);
      }
      seen.add(entry.id);
    }
    return entries.map((entry) => ({ ...entry, hash: hash(entry), file: rel(file) }));
  }

  checkReferences({ people, blogs }, problems);
  if (problems.length) throw new ContentError(problems);
  return { people, blogs };
}

/** Cross-file checks: handles exist and are unique, authors belong to their blog. */
function checkReferences({ people, blogs }: ContentBundle, problems: string[]) {
  const handles = new Map<string, string>();
  for (const person of people) {
    const key = person.handle.toLowerCase();
    if (handles.has(key)) problems.push(`${person.file}: front matter field "handle": "${person.handle}" is also used by ${handles.get(key)}`);
    handles.set(key, person.file);
  }
  const known = (handle: string) => handles.has(handle.toLowerCase());
  for (const blog of blogs) {
    for (const [index, member] of blog.members.entries()) {
      if (!known(member.handle)) problems.push(`${blog.file}: front matter field "members.${index}.handle": no person "${member.handle}" in content/people`);
    }
    const writers = new Set(blog.members.filter((m) => m.role !== "moderator").map((m) => m.handle.toLowerCase()));
    for (const post of blog.posts) {
      if (!writers.has(post.author.toLowerCase())) {
        problems.push(`${post.file}: front matter field "author": "${post.author}" is not an owner or author of blog "${blog.slug}"`);
      }
      for (const [index, comment] of post.comments.entries()) {
        if (comment.author && !known(comment.author)) {
          problems.push(`${comment.file}: comment field "${index}.author": no person "${comment.author}" in content/people`);
        }
      }
    }
  }
}
