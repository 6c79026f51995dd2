import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers/accounts";

// Old WordPress addresses of an imported article (issue 14, item 2) on the real server: the
// import runs with the operator's command against the SQLite server's database (the newest
// file under data/e2e/, which tests/setup/e2e-servers.ts made for this run). The fixture's one
// article is dated 2001, so the demo's lists keep their order for the other journeys.
const OLD = "/vieux-blog/2001/01/premier-billet/";
const NEW = "/open-margins/premier-billet";

test.beforeAll(() => {
  const dir = resolve("data", "e2e");
  const newest = readdirSync(dir)
    .filter((name) => name.endsWith(".db"))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  execFileSync(
    resolve("node_modules", ".bin", "tsx"),
    [
      "--import",
      "./scripts/lib/register.mjs",
      "scripts/import.ts",
      "wxr",
      "tests/fixtures/wxr/e2e-old.xml",
      "--blog",
      "open-margins",
    ],
    {
      stdio: "pipe",
      env: {
        ...process.env,
        DATABASE_URL: `file:${newest}`,
        NEXTAUTH_URL: "http://127.0.0.1:3100",
        NEXTAUTH_SECRET: "e2e-secret-not-for-production-use",
      },
    },
  );
});

test("[IMPORT]: an old WordPress path redirects permanently to the imported article", async ({ page, request }) => {
  // Next first drops the final slash (308); the path without it is the one no route answers.
  const moved = await request.get(OLD.replace(/\/$/, ""), { maxRedirects: 0 });
  expect([301, 308]).toContain(moved.status());
  expect(new URL(moved.headers().location!, "http://127.0.0.1").pathname).toBe(NEW);
  await page.goto(OLD);
  await expect(page).toHaveURL(new RegExp(`${NEW}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Premier billet du vieux blogue");
  await expect(page.getByText("Écrit en 2001, « avant » Tribune.")).toBeVisible();
});

test("[IMPORT]: WordPress's ?p= address redirects too; an unknown old path stays a 404", async ({ request }) => {
  const byId = await request.get("/vieux-blog?p=5", { maxRedirects: 0 });
  expect(byId.status()).toBe(301);
  expect(new URL(byId.headers().location!, "http://127.0.0.1").pathname).toBe(NEW);
  expect((await request.get("/vieux-blog/2001/01/nothing-here", { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get("/?p=999999", { maxRedirects: 0 })).status()).toBe(200);
});

test("[IMPORT]: a blog owner imports a WordPress file from the settings page; non-members stay guests", async ({
  page,
}) => {
  await signIn(page, "priya@demo.tribune.test");
  await page.goto("/write/open-margins/settings");
  const section = page.getByRole("region", { name: /^(Importer depuis|Import from) WordPress/ });
  await section.getByLabel(/^(Fichier d’export|Export file)/).setInputFiles("tests/fixtures/wxr/e2e-upload.xml");
  await section.getByRole("button", { name: /^(Importer|Import)$/ }).click();
  await expect(section.getByRole("status")).toContainText(/1 articles (créés|created)/, { timeout: 20_000 });
  await page.goto("/open-margins/televerse");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Un billet téléversé");
  const discussion = page.getByRole("region", { name: /Discussion/ });
  // Sylvain's e-mail is in the file, but he is not a member of the blog: a guest author, no profile link.
  await expect(discussion).toContainText("Quelqu’un d’autre");
  await expect(discussion.getByRole("link", { name: "Sylvain Dionne" })).toHaveCount(0);
});
