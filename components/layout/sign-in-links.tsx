"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// The pages of signing in themselves: coming back to them after signing in makes no sense.
const AUTH_PAGES = /^\/(login|signup|reset-password|verify-email|setup)(\/|$)/;

/**
 * SignInLinks: "Sign in" and "Sign up" that bring the reader back to the page they are on
 * (the path goes through safeReturnPath on the sign-in and sign-up pages).
 */
export function SignInLinks({ signIn, signUp }: { signIn: string; signUp: string }) {
  const path = usePathname();
  const from = path && path !== "/" && !AUTH_PAGES.test(path) ? `?from=${encodeURIComponent(path)}` : "";
  return (
    <>
      <Link href={`/login${from}`}>{signIn}</Link>
      <Link href={`/signup${from}`}>{signUp}</Link>
    </>
  );
}
