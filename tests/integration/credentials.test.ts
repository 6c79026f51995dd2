// One reading of credentials through the real API handlers: the bearer token is read in any case
// and spacing, and a request whose Authorization header is unusable is refused with 401 even
// when it carries a session cookie (it is never answered as the cookie's owner).
import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { GET as getMe, PATCH as patchMe } from "@/app/api/v1/me/route";
import { createApiToken } from "@/lib/auth";
import { db, disconnectDb } from "@/lib/db";
import { createUser } from "../factories";
import { resetDb } from "../setup/db";

const ME = "http://localhost:3999/api/v1/me";
const SESSION = "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.session";

beforeEach(resetDb);
after(disconnectDb);

test("credentials: any case and spacing of `Bearer` authenticates the token's owner, not the cookie's", async () => {
  const owner = await createUser({ handle: "owner" });
  const { token } = await createApiToken(owner.id, "t");
  for (const authorization of [`bearer ${token}`, `BEARER   ${token}`, `Bearer \t${token}`]) {
    const response = await getMe(new Request(ME, { headers: { authorization, cookie: SESSION } }));
    assert.equal(response.status, 200, authorization);
    assert.equal(((await response.json()) as { handle: string }).handle, "owner");
  }
});

test("credentials: a bad or malformed Authorization header next to a session cookie gets 401", async () => {
  const owner = await createUser({ handle: "owner" });
  const { token } = await createApiToken(owner.id, "t");
  const refused = ["bearer   not-a-token", `bearer ${token} extra`, "Basic b3duZXI6cHc=", "Bearer", ""];
  for (const authorization of refused) {
    const get = await getMe(new Request(ME, { headers: { authorization, cookie: SESSION } }));
    assert.equal(get.status, 401, `GET with ${JSON.stringify(authorization)}`);
    const patch = await patchMe(
      new Request(ME, {
        method: "PATCH",
        headers: { authorization, cookie: SESSION, origin: "https://evil.example", "content-type": "application/json" },
        body: JSON.stringify({ name: "Forged" }),
      }),
    );
    assert.equal(patch.status, 401, `PATCH with ${JSON.stringify(authorization)}`);
  }
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).name, owner.name);
});
