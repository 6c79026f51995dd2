import { expect, test } from "./fixtures";
import { newAccount } from "./helpers/accounts";

test("[PROFILE]: edit the profile; the public page shows it with a generated avatar", async ({ page }) => {
  const me = await newAccount(page, "Profil Test");
  await page.goto("/settings");
  await page.getByLabel("Nom affiché").fill("Noémie Profil");
  await page.getByLabel("Présentation").fill("J’écris sur les *médias* locaux.");
  await page.getByLabel("Lien 1 : libellé").fill("Site");
  await page.getByLabel("Lien 1 : adresse").fill("https://noemie.example");
  await page.getByRole("button", { name: "Enregistrer le profil" }).click();
  await expect(page.getByText("Enregistré.").first()).toBeVisible();
  await page.goto(`/u/${me.handle}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Noémie Profil");
  await expect(page.locator(".p-note em")).toHaveText("médias");
  await expect(page.getByRole("link", { name: "Site" })).toHaveAttribute("href", "https://noemie.example");
  const avatar = await page.request.get(`/api/avatar/${me.handle}`);
  expect(avatar.headers()["content-type"]).toContain("image/svg+xml");
  expect(await avatar.text()).toContain(">NP<");
});

test("[PROFILE]: bad profile input is refused with messages and changes nothing", async ({ page }) => {
  const me = await newAccount(page, "Stable Name");
  await page.goto("/settings");
  await page.getByLabel("Nom affiché").fill("Bad\u200BName");
  await page.getByLabel("Identifiant", { exact: true }).fill("root");
  await page.getByLabel("Lien 1 : libellé").fill("Mal");
  await page.getByLabel("Lien 1 : adresse").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Enregistrer le profil" }).click();
  await expect(page.getByText("Un nom ne peut pas contenir de caractères de contrôle ou invisibles.")).toBeVisible();
  await expect(page.getByText("Cet identifiant est réservé.")).toBeVisible();
  await page.goto(`/u/${me.handle}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stable Name");
});

test("[API]: a personal token acts as its owner only, cross-site cookie writes are refused, revoked tokens fail", async ({
  page,
  playwright,
  baseURL,
}) => {
  const me = await newAccount(page, "Token Owner");
  await page.goto("/settings");
  await page.getByLabel("Nom du jeton").fill("mon script");
  await page.getByRole("button", { name: "Créer un jeton" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^trb_/);

  const api = await playwright.request.newContext({ baseURL });
  const auth = { Authorization: `Bearer ${token}` };
  const changed = await api.patch("/api/v1/me", {
    headers: auth,
    data: { name: "Renamed By Script", id: "someone-else" },
  });
  expect(changed.status()).toBe(200);
  expect((await changed.json()).handle).toBe(me.handle);
  await page.goto(`/u/${me.handle}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Renamed By Script");
  // Another person's profile is untouched: the token cannot reach it.
  await page.goto("/u/josee");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Josée Lavoie");

  const invalid = await api.patch("/api/v1/me", { headers: auth, data: { name: "\u202Eevil" } });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).fields.name[0]).toContain("invisible");

  // The session cookie alone, from another site, cannot write.
  const forged = await page.request.patch("/api/v1/me", {
    headers: { Origin: "https://evil.example" },
    data: { name: "CSRF" },
  });
  expect(forged.status()).toBe(403);
  // A bearer header in another spelling, unusable, next to the signed-in browser's cookie: the
  // cookie never answers for it, neither to read nor (cross-site) to write.
  const spoofedRead = await page.request.get("/api/v1/me", { headers: { authorization: "bearer   not-a-token" } });
  expect(spoofedRead.status()).toBe(401);
  const spoofedWrite = await page.request.patch("/api/v1/me", {
    headers: { authorization: "bearer not a token", Origin: "https://evil.example" },
    data: { name: "CSRF" },
  });
  expect(spoofedWrite.status()).toBe(401);
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);

  await page.goto("/settings");
  await page.getByRole("button", { name: "Révoquer le jeton mon script" }).click();
  await expect(page.getByText("révoqué")).toBeVisible();
  expect((await api.get("/api/v1/me", { headers: auth })).status()).toBe(401);
  expect((await api.get("/api/v1/me")).status()).toBe(401);
  await api.dispose();
});

test("[ACCOUNTS]: export my data as JSON", async ({ page }) => {
  const me = await newAccount(page, "Export Test");
  const response = await page.request.get("/settings/export");
  expect(response.headers()["content-disposition"]).toContain(`tribune-${me.handle}.json`);
  const data = await response.json();
  expect(data.user.email).toBe(me.email);
  expect(JSON.stringify(data)).not.toMatch(/argon2|passwordHash/);
});

test("[ACCOUNTS]: sign in with GitHub (stand-in on loopback) creates the account", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Se connecter avec GitHub" }).click();
  await expect(page.getByRole("link", { name: "Gabrielle Octo" })).toBeVisible();
});

test("[ACCOUNTS]: delete my account once my handle confirms it", async ({ page }) => {
  const me = await newAccount(page, "Leaving Soon");
  await page.goto("/settings");
  await page.getByLabel(`Tapez votre identifiant (${me.handle}) pour confirmer`).fill("wrong");
  await page.getByRole("button", { name: "Supprimer mon compte" }).click();
  await expect(page.getByText("Tapez exactement votre identifiant pour confirmer.")).toBeVisible();
  await page.getByLabel(`Tapez votre identifiant (${me.handle}) pour confirmer`).fill(me.handle);
  await page.getByRole("button", { name: "Supprimer mon compte" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  expect((await page.request.get(`/u/${me.handle}`)).status()).toBe(404);
});
