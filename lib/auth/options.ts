import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsModule from "next-auth/providers/credentials";
import EmailModule from "next-auth/providers/email";
import GitHubModule from "next-auth/providers/github";
import { db } from "@/lib/db";
import { localeFor } from "@/lib/i18n";
import { magicLinkMail, sendMail } from "@/lib/mail";
import { clientIp, consume, reward, safeReturnUrl } from "@/lib/security";
import { tribuneAdapter } from "./adapter";
import { isDemoLoginAllowed } from "./demo";
import { burnPasswordCheck, verifyPassword } from "./password";
import { SignInSchema } from "./schemas";
import { env } from "@/lib/env.js";

// next-auth's providers are CommonJS modules with a `default` export: Next's bundler unwraps it,
// plain Node (scripts, tests) hands over the module object.
const interop = <T>(module: T): T => (module as { default?: T }).default ?? module;
const CredentialsProvider = interop(CredentialsModule);
const EmailProvider = interop(EmailModule);
const GitHubProvider = interop(GitHubModule);

function githubProvider() {
  const clientId = env.GITHUB_ID;
  const clientSecret = env.GITHUB_SECRET;
  if (!clientId || !clientSecret) return [];
  // The URLs are overridable so tests can sign in through a stand-in GitHub on loopback.
  const web = env.GITHUB_URL;
  const api = env.GITHUB_API_URL;
  return [
    GitHubProvider({
      clientId,
      clientSecret,
      authorization: { url: `${web}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
      token: `${web}/login/oauth/access_token`,
      userinfo: {
        url: `${api}/user`,
        async request({ tokens }) {
          const headers = { Authorization: `Bearer ${tokens.access_token}`, "User-Agent": "Tribune" };
          const profile = await (await fetch(`${api}/user`, { headers })).json();
          if (!profile.email) {
            const emails: { email: string; primary: boolean; verified: boolean }[] = await (
              await fetch(`${api}/user/emails`, { headers })
            ).json();
            profile.email = emails.find((e) => e.primary && e.verified)?.email ?? null;
          }
          return profile;
        },
      },
    }),
  ];
}

export type HeaderBag = Record<string, string | string[] | undefined> | undefined;
function toHeaders(bag: HeaderBag): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(bag ?? {})) if (typeof value === "string") headers.set(key, value);
  return headers;
}

/**
 * signInKeys: the rate-limit keys of a password sign-in. `account` (limit signIn) counts one
 * account's attempts from one address, so guesses from elsewhere never lock its owner out;
 * `address` (limit signInAddress, larger) counts one address's attempts across accounts.
 */
function signInKeys(email: string, address: string): { account: string; address: string } {
  return { account: `${email.trim().toLowerCase()}|${address}`, address: `sign-in:${address}` };
}

/**
 * authorizeWithPassword: the credentials provider's check (next-auth's authorize). Throws an
 * Error whose message is one of SIGN_IN_ERRORS (RATE_LIMITED:<seconds> when over a limit).
 */
export async function authorizeWithPassword(raw: unknown, requestHeaders: HeaderBag) {
  const input = SignInSchema.safeParse(raw);
  if (!input.success) throw new Error("INVALID_CREDENTIALS");
  const { email, password } = input.data;
  const keys = signInKeys(email, clientIp(toHeaders(requestHeaders)));
  try {
    await consume("signInAddress", keys.address);
    await consume("signIn", keys.account);
  } catch (error) {
    const seconds = (error as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds ?? 60;
    throw new Error(`RATE_LIMITED:${seconds}`);
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, emailVerified: true, deletedAt: true },
  });
  if (!user || user.deletedAt || !user.passwordHash) {
    await burnPasswordCheck(password);
    throw new Error("INVALID_CREDENTIALS");
  }
  if (!(await verifyPassword(user.passwordHash, password))) throw new Error("INVALID_CREDENTIALS");
  if (!(await isDemoLoginAllowed(user.email!))) throw new Error("DEMO_DISABLED");
  if (!user.emailVerified) throw new Error("EMAIL_NOT_VERIFIED");
  await reward("signIn", keys.account);
  return { id: user.id, name: user.name, email: user.email };
}

/** authOptions: next-auth's configuration (JWT sessions, password, magic link, optional GitHub). */
export const authOptions: AuthOptions = {
  adapter: tribuneAdapter(),
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials, request) => authorizeWithPassword(credentials, request?.headers as HeaderBag),
    }),
    EmailProvider({
      // The transport is ours (lib/mail): SMTP when configured, else data/outbox/.
      server: "smtp://unused.invalid",
      maxAge: 15 * 60,
      async sendVerificationRequest({ identifier, url }) {
        const email = identifier.toLowerCase();
        await consume("mail", email);
        const user = await db.user.findUnique({ where: { email }, select: { locale: true, deletedAt: true } });
        // Only existing accounts get a link; the page says the same thing either way.
        if (!user || user.deletedAt) return;
        const locale = localeFor({ account: user.locale });
        await sendMail({ to: email, ...magicLinkMail({ locale, url, host: new URL(url).host, expiresInMinutes: 15 }) });
      },
    }),
    ...githubProvider(),
  ],
  callbacks: {
    // Where next-auth goes after signing in or out (callbackUrl): a safe path on this origin only.
    async redirect({ url, baseUrl }) {
      return safeReturnUrl(url, baseUrl);
    },
    async jwt({ token, user }) {
      if (user) {
        const fresh = await db.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
        token.uid = user.id;
        token.sv = fresh?.sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      // Only ids travel in the session; pages read everything else fresh through getViewer().
      return { ...session, user: { id: token.uid, sv: token.sv ?? 0 } } as typeof session;
    },
  },
};
