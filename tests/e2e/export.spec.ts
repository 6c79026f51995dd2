// Leaving with everything (issue 14, item 5): a blog's owner downloads the blog's export from its
// settings, an administrator the instance's from the admin page; both are JSON documents of the
// versioned format, without a password hash in them.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers/accounts";

async function download(page: Page, name: string) {
  const region = page.getByRole("region", { name: "Exporter" });
  await expect(region).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent("download"), region.getByRole("link", { name }).click()]);
  const text = await readFile((await file.path())!, "utf8");
  return {
    filename: file.suggestedFilename(),
    text,
    data: JSON.parse(text) as Record<string, unknown[]> & { meta: { scope: unknown; version: number } },
  };
}

test("export: a blog's owner downloads the blog from its settings", async ({ page }) => {
  await signIn(page, "priya@demo.tribune.test");
  await page.goto("/write/open-margins/settings");
  const { filename, text, data } = await download(page, "Télécharger l’export du blogue (JSON)");
  expect(filename).toMatch(/^tribune-export-open-margins-\d{4}-\d{2}-\d{2}\.json$/);
  expect(data.meta).toMatchObject({ version: 1, scope: { kind: "blog", blog: "open-margins" } });
  expect(data.blogs).toHaveLength(1);
  expect(data.posts!.length).toBeGreaterThan(0);
  expect(text).not.toMatch(/passwordHash|\$argon2/);
});

test("export: an administrator downloads the whole instance from the admin page", async ({ page }) => {
  await signIn(page, "admin@demo.tribune.test");
  await page.goto("/admin");
  const { data, text } = await download(page, "Télécharger l’export de l’instance (JSON)");
  expect(data.meta).toMatchObject({ version: 1, scope: { kind: "instance" } });
  expect(data.blogs!.length).toBeGreaterThanOrEqual(3);
  expect(text).not.toMatch(/passwordHash|\$argon2/);
});
