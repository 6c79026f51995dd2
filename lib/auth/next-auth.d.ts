import "next-auth";
import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    /** The user's id. */
    uid?: string;
    /** The user's session version when the token was issued ("sign out everywhere" bumps it). */
    sv?: number;
  }
}
