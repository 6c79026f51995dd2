// Tribune's configuration: every environment variable it reads, with its default, declared
// here once (the README's configuration table lists the same, and a test compares them).
// Validated as a whole when first imported (next.config.js imports it, so a bad value fails
// `next build`; scripts/start.ts and scripts/serve.ts too), then read through `env`, whose
// fields read the variable at the moment they are used (tests and scripts set some after
// import). Empty strings count as unset. SKIP_ENV_VALIDATION=1 skips the check (container
// builds): a bad value then falls back to its default.
import { z } from "zod";
import { parseFetchAllow } from "./http/allow-list.js";

const emptyAsUndefined = (value) => (value === "" ? undefined : value);
const optional = (schema) => z.preprocess(emptyAsUndefined, schema.optional());
const withDefault = (schema, fallback) => z.preprocess(emptyAsUndefined, schema.default(fallback));

const fetchAllow = withDefault(z.string(), "").superRefine((value, ctx) => {
  try {
    parseFetchAllow(value);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: error.message });
  }
});

const databaseUrl = z.string().refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
  message: "must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)",
});

export const EnvSchema = z.object({
  NODE_ENV: withDefault(z.enum(["development", "production", "test"]), "development"),
  DATABASE_URL: withDefault(databaseUrl, "file:./data/tribune.db"),
  DEFAULT_LOCALE: withDefault(z.enum(["fr", "en"]), "fr"),
  CONTENT_DIR: withDefault(z.string(), "./content"),
  NEXTAUTH_URL: optional(z.url()),
  NEXTAUTH_SECRET: optional(z.string().min(16, "must be at least 16 characters")),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\//, "must start with redis:// or rediss://")),
  REDIS_PREFIX: withDefault(z.string().regex(/^[\w:.-]+$/), "tribune"),
  TRUST_PROXY: optional(z.string().regex(/^\d+$/, "must be the number of proxies in front (e.g. 1)")),
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")),
  MAIL_FROM: withDefault(z.string(), "Tribune <no-reply@localhost>"),
  OUTBOX_DIR: withDefault(z.string(), "data/outbox"),
  UPLOADS_DIR: withDefault(z.string(), "data/uploads"),
  GITHUB_ID: optional(z.string()),
  GITHUB_SECRET: optional(z.string()),
  GITHUB_URL: withDefault(z.url(), "https://github.com"),
  GITHUB_API_URL: withDefault(z.url(), "https://api.github.com"),
  TIME_ZONE: withDefault(z.string(), "America/Toronto"),
  MARKDOWN_MAX_CHARS: withDefault(z.coerce.number().int().min(1_000).max(5_000_000), 200_000),
  MARKDOWN_MAX_NESTING: withDefault(z.coerce.number().int().min(4).max(100), 16),
  MARKDOWN_RENDER_TIMEOUT_MS: withDefault(z.coerce.number().int().min(100).max(60_000), 900),
  MARKDOWN_WORKERS: withDefault(z.coerce.number().int().min(1).max(64), 2),
  PREVIEWS_PER_MINUTE: withDefault(z.coerce.number().int().min(1).max(10_000), 120),
  LIVE_STREAMS_PER_CLIENT: withDefault(z.coerce.number().int("must be a whole number").min(1).max(10_000), 8),
  LIVE_STREAMS_TOTAL: withDefault(z.coerce.number().int("must be a whole number").min(1).max(1_000_000), 2000),
  LIVE_STREAM_IDLE_SECONDS: withDefault(
    z.coerce.number().int("must be a whole number of seconds").min(1).max(86_400),
    300,
  ),
  FETCH_ALLOW: fetchAllow,
  WEB_CONCURRENCY: optional(z.coerce.number().int("must be a whole number of processes").min(1).max(256)),
  SERVER_HEAP_MB: withDefault(z.coerce.number().int("must be a whole number of megabytes").min(128).max(65_536), 256),
  JOBS_POLL_MS: withDefault(z.coerce.number().int("must be a whole number of milliseconds").min(0).max(600_000), 2000),
  FETCH_TIMEOUT_MS: withDefault(
    z.coerce.number().int("must be a whole number of milliseconds").min(100).max(60_000),
    5_000,
  ),
  FETCH_MAX_BYTES: withDefault(
    z.coerce.number().int("must be a whole number of bytes").min(1_024).max(104_857_600),
    1_048_576,
  ),
  // Akismet-compatible spam check of comments: on only when both are set (and the blog's spamCheck is on).
  AKISMET_KEY: optional(z.string().min(1)),
  AKISMET_URL: optional(z.url().refine((url) => /^https?:\/\//.test(url), "must be an http(s) URL")),
  PAGE_CACHE_SECONDS: withDefault(z.coerce.number().int("must be a whole number of seconds").min(0).max(86_400), 60),
  DATABASE_POOL_SIZE: withDefault(z.coerce.number().int("must be a whole number of connections").min(1).max(1_000), 10),
  PORT: withDefault(z.coerce.number().int("must be a port number").min(1).max(65_535), 3000),
  HOST: optional(z.string()),
  DEMO_CONTENT: optional(z.enum(["off"], "must be off or unset")),
  SKIP_BUILD: optional(z.string()),
  SKIP_ENV_VALIDATION: optional(z.string()),
  DEBUG: optional(z.string()),
  // Tooling only: prisma generate, user:create, tests, db:migration and benchmarks.
  PRISMA_SCHEMA_ENGINE_BINARY: withDefault(z.string(), "/bin/true"),
  TRIBUNE_PASSWORD: optional(z.string()),
  PG_ADMIN_URL: withDefault(
    z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://"),
    "postgresql://postgres@127.0.0.1:5432/postgres",
  ),
  CHROMIUM_PATH: withDefault(z.string(), "/usr/bin/chromium"),
  BENCH_PORT: withDefault(z.coerce.number().int("must be a port number").min(1).max(65_535), 3210),
});

const skipValidation = () => process.env.SKIP_ENV_VALIDATION === "1";

function validateAll() {
  const result = EnvSchema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return result.data;
}

const parsed = new Map();

// One variable, parsed again only when its raw value changed since the last read.
function read(key) {
  const raw = process.env[key];
  const hit = parsed.get(key);
  if (hit && hit.raw === raw) return hit.value;
  const schema = EnvSchema.shape[key];
  const result = schema.safeParse(raw);
  if (!result.success && !skipValidation()) {
    throw new Error(`Invalid environment variable ${key}: ${result.error.issues[0]?.message}`);
  }
  const value = result.success ? result.data : schema.parse(undefined);
  parsed.set(key, { raw, value });
  return value;
}

function createEnv() {
  // The parsed values give `env` its type; each field then becomes a getter over process.env.
  const fields = skipValidation() ? EnvSchema.parse({}) : validateAll();
  for (const key of Object.keys(EnvSchema.shape)) {
    Object.defineProperty(fields, key, { enumerable: true, get: () => read(key) });
  }
  return Object.freeze(fields);
}

/** env: the validated configuration (defaults applied); each field reads its variable when used. */
export const env = createEnv();

/** siteUrl: the instance's public URL: NEXTAUTH_URL, else http://localhost:<PORT>. */
export function siteUrl() {
  return env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
}
