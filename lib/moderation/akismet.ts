import "server-only";
import { env } from "@/lib/env.js";
import { guardedFetch } from "@/lib/http";

// The Akismet-compatible spam check (https://akismet.com/developers/comment-check/), on when
// AKISMET_KEY and AKISMET_URL are both set. One POST through the guarded HTTP client, before
// the comment's transaction opens, with a short deadline. It never loses a comment: any answer
// other than "true" or "false" (an error, a timeout, a refused address) is "unavailable", and
// the comment is then held for a moderator.

/** What the service said: spam, not spam, or no usable answer. */
export type SpamVerdict = "spam" | "ham" | "unavailable";

/** The comment as the service wants it. */
export type SpamCheckInput = {
  /** The blog's public URL (the "blog" the key is used for). */
  blogUrl: string;
  /** The article's public URL. */
  permalink: string;
  language: string;
  /** The client's address as the server decided it (never a header the client chose), if known. */
  userIp: string | null;
  userAgent: string | null;
  authorName: string;
  authorEmail: string | null;
  content: string;
};

/** Deadline of one check: a comment's author waits for it. */
const SPAM_CHECK_TIMEOUT_MS = 3_000;

type Config = { key: string; url: string };

/** spamCheckConfig: the service's key and base URL, or null when the check is off. */
export function spamCheckConfig(): Config | null {
  return env.AKISMET_KEY && env.AKISMET_URL ? { key: env.AKISMET_KEY, url: env.AKISMET_URL } : null;
}

/** spamCheckConfigured: whether the instance has a spam service (the settings page says so). */
export function spamCheckConfigured(): boolean {
  return spamCheckConfig() !== null;
}

/**
 * checkSpam: asks the service about one comment; "unavailable" when it is not configured,
 * unreachable, refused by the guarded client, slow, or answers anything but "true" / "false".
 */
export async function checkSpam(
  input: SpamCheckInput,
  options: { config?: Config | null; timeoutMs?: number } = {},
): Promise<SpamVerdict> {
  const config = options.config === undefined ? spamCheckConfig() : options.config;
  if (!config) return "unavailable";
  const form = new URLSearchParams({
    api_key: config.key,
    blog: input.blogUrl,
    user_ip: input.userIp ?? "",
    user_agent: input.userAgent ?? "",
    comment_type: "comment",
    comment_author: input.authorName,
    comment_author_email: input.authorEmail ?? "",
    comment_content: input.content,
    permalink: input.permalink,
    blog_lang: input.language,
    blog_charset: "UTF-8",
  });
  try {
    const response = await guardedFetch(`${config.url.replace(/\/+$/, "")}/1.1/comment-check`, {
      method: "POST",
      body: form,
      timeoutMs: options.timeoutMs ?? SPAM_CHECK_TIMEOUT_MS,
      maxBytes: 4_096,
      maxRedirects: 0,
    });
    if (response.status !== 200) return "unavailable";
    const answer = response.text().trim();
    return answer === "true" ? "spam" : answer === "false" ? "ham" : "unavailable";
  } catch (error) {
    // FetchError names the URL without its query; the key travels in the body, never logged.
    console.warn(`spam check unavailable: ${(error as Error).message}`);
    return "unavailable";
  }
}
