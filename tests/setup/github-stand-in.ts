// A stand-in for GitHub's OAuth endpoints on loopback, so the GitHub sign-in can be tested
// with no network: `tsx tests/setup/github-stand-in.ts --port 2528`.
// authorize → redirects straight back with a code; access_token → a token; /user, /user/emails.
import { createServer } from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { port: { type: "string", default: "2528" } } });
const profile = { id: 4242, login: "octo-gab", name: "Gabrielle Octo", email: null, avatar_url: null };

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  const json = (status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  if (url.pathname === "/login/oauth/authorize") {
    const back = new URL(url.searchParams.get("redirect_uri") ?? "");
    back.searchParams.set("code", "stand-in-code");
    back.searchParams.set("state", url.searchParams.get("state") ?? "");
    response.writeHead(302, { location: back.toString() });
    return response.end();
  }
  if (url.pathname === "/login/oauth/access_token" && request.method === "POST") {
    return json(200, { access_token: "stand-in-token", token_type: "bearer", scope: "read:user,user:email" });
  }
  const authorized = request.headers.authorization?.match(/^(Bearer|token) stand-in-token$/i);
  if (url.pathname === "/user") return authorized ? json(200, profile) : json(401, { message: "Bad credentials" });
  if (url.pathname === "/user/emails") {
    return authorized ? json(200, [{ email: "octo@example.test", primary: true, verified: true }]) : json(401, {});
  }
  if (url.pathname === "/health") return json(200, { ok: true });
  json(404, { message: "Not Found" });
});

server.listen(Number(values.port), "127.0.0.1", () =>
  console.log(`GitHub stand-in on http://127.0.0.1:${values.port}`),
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
