import { feedResponse, instanceFeed } from "@/lib/feeds";

export const dynamic = "force-dynamic";

/** GET /atom.xml: the instance's 20 newest articles as Atom. */
export async function GET() {
  return feedResponse(await instanceFeed("atom"));
}
