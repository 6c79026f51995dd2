import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import { newAccount, submitSignIn } from "./helpers/accounts";
import { extractLink, waitForMail } from "./helpers/mailbox";

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function signUp(page: Page, who: { name: string; handle: string; email: string; password: string }) {
  await page.goto("/signup");
  await page.getByLabel("Nom", { exact: true }).fill(who.name);
  await page.getByLabel("Identifiant").fill(who.handle);
  await page.getByLabel("Courriel").fill(who.email);
  await page.getByLabel("Mot de passe").fill(who.password);
  await page.getByRole("button", { name: "Créer un compte" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez votre boîte de réception" })).toBeVisible();
}

test("[ACCOUNTS]: sign up, confirm the address from the mail, sign in and out", async ({ page }) => {
  const id = unique();
  const who = {
    name: "Marie-Ève Test",
    handle: `me${id}`,
    email: `me${id}@example.test`,
    password: "une phrase de passe",
  };
  await signUp(page, who);
  const mail = await waitForMail(who.email, { subject: /confirm/i });
  await page.goto(extractLink(mail.text));
  await page.getByRole("button", { name: "Confirmer mon adresse" }).click();
  await expect(page.getByText("Votre adresse est confirmée")).toBeVisible();
  await submitSignIn(page, who.email, who.password);
  await expect(page.getByRole("link", { name: who.name, exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter", exact: true })).toBeVisible();
});

test("[ACCOUNTS]: an unconfirmed account cannot sign in yet and is told why", async ({ page }) => {
  const id = unique();
  await signUp(page, {
    name: "Pas Encore",
    handle: `pe${id}`,
    email: `pe${id}@example.test`,
    password: "une phrase de passe",
  });
  await submitSignIn(page, `pe${id}@example.test`, "une phrase de passe");
  await expect(page.getByText("Confirmez d’abord votre adresse")).toBeVisible();
});

test("[ACCOUNTS]: sign in with a magic link from the mail", async ({ page }) => {
  const id = unique();
  const email = `ml${id}@example.test`;
  await signUp(page, { name: "Lien Magique", handle: `ml${id}`, email, password: "une phrase de passe" });
  await page.goto("/login");
  const form = page.getByRole("form", { name: "Avec un lien par courriel" });
  await form.getByLabel("Courriel").fill(email);
  await form.getByRole("button", { name: "M’envoyer un lien de connexion" }).click();
  await expect(page.getByText("un lien de connexion est en route")).toBeVisible();
  const mail = await waitForMail(email, { subject: /connexion|sign/i });
  await page.goto(extractLink(mail.text));
  await expect(page.getByRole("link", { name: "Lien Magique", exact: true })).toBeVisible();
});

test("[ACCOUNTS]: reset a forgotten password by mail; the old one stops working", async ({ page }) => {
  const id = unique();
  const email = `rp${id}@example.test`;
  await signUp(page, { name: "Reset Test", handle: `rp${id}`, email, password: "ancienne phrase" });
  await page.goto("/reset-password");
  await page.getByLabel("Courriel").fill(email);
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(page.getByText("un lien pour choisir un nouveau mot de passe est en route")).toBeVisible();
  const mail = await waitForMail(email, { subject: /mot de passe|password/i });
  await page.goto(extractLink(mail.text));
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("nouvelle phrase secrète");
  await page.getByLabel("Répétez le nouveau mot de passe").fill("nouvelle phrase secrète");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByText("Votre mot de passe est changé")).toBeVisible();
  await submitSignIn(page, email, "ancienne phrase");
  await expect(page.getByText("Courriel ou mot de passe incorrect")).toBeVisible();
  await submitSignIn(page, email, "nouvelle phrase secrète");
  await expect(page.getByRole("link", { name: "Reset Test", exact: true })).toBeVisible();
});

test("[ACCOUNTS]: repeated wrong passwords are rate limited with a clear message", async ({ page }) => {
  const email = `rl${unique()}@example.test`;
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitSignIn(page, email, `wrong password ${attempt}`);
    await expect(page.getByText("Courriel ou mot de passe incorrect")).toBeVisible();
  }
  await submitSignIn(page, email, "wrong password 6");
  await expect(page.getByText(/Trop de tentatives\. Réessayez dans \d+ minutes?\./)).toBeVisible();
});

test("[ACCOUNTS]: bad sign-up input gets clear messages and saves nothing", async ({ page }) => {
  const id = unique();
  await page.goto("/signup");
  await page.getByRole("button", { name: "Créer un compte" }).click();
  await expect(page.getByText("Entrez un nom.")).toBeVisible();
  await expect(page.getByText("Un identifiant compte au moins 2 caractères.")).toBeVisible();
  await expect(page.getByText("Entrez une adresse courriel valide.")).toBeVisible();
  await page.getByLabel("Nom", { exact: true }).fill("Eve\u202Enomis");
  await page.getByLabel("Identifiant").fill("admin");
  await page.getByLabel("Courriel").fill(`bad${id}@example.test`);
  await page.getByLabel("Mot de passe").fill("short");
  await page.getByRole("button", { name: "Créer un compte" }).click();
  await expect(page.getByText("Un nom ne peut pas contenir de caractères de contrôle ou invisibles.")).toBeVisible();
  await expect(page.getByText("Cet identifiant est réservé.")).toBeVisible();
  await expect(page.getByText("Utilisez au moins 10 caractères.")).toBeVisible();
  // The fields keep what was typed (but never the password), and nothing was saved:
  await expect(page.getByLabel("Courriel")).toHaveValue(`bad${id}@example.test`);
  await page.getByLabel("Nom", { exact: true }).fill("Eve Simon");
  await page.getByLabel("Identifiant").fill(`eve${id}`);
  await page.getByLabel("Mot de passe").fill("x".repeat(201));
  await page.getByRole("button", { name: "Créer un compte" }).click();
  await expect(page.getByText("Utilisez au plus 200 caractères.")).toBeVisible();
  await page.getByLabel("Mot de passe").fill("une phrase de passe");
  await page.getByRole("button", { name: "Créer un compte" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez votre boîte de réception" })).toBeVisible();
});

test("[ACCOUNTS]: the demo's people sign in with the README's password; the banner says demo", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("note")).toContainText("Instance de démonstration");
  await submitSignIn(page, "josee@demo.tribune.test", "tribune-demo");
  await expect(page.getByRole("link", { name: "Josée Lavoie", exact: true })).toBeVisible();
});

test("[ACCOUNTS]: sign out everywhere ends the other sessions too", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await submitSignIn(a, "sylvain@demo.tribune.test", "tribune-demo");
  await submitSignIn(b, "sylvain@demo.tribune.test", "tribune-demo");
  await expect(b.getByRole("link", { name: "Sylvain Dionne", exact: true })).toBeVisible();
  await a.goto("/settings");
  await a.getByRole("button", { name: "Se déconnecter partout" }).click();
  await expect(a.getByText("Vous êtes déconnecté sur tous vos appareils")).toBeVisible();
  await b.reload();
  await expect(b.getByRole("link", { name: "Se connecter", exact: true })).toBeVisible();
  await first.close();
  await second.close();
});

test("[ACCOUNTS]: a password change signs out the other sessions, not this one", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  const who = await newAccount(a, "Deux Sessions");
  await submitSignIn(b, who.email, who.password);
  await expect(b.getByRole("link", { name: who.name, exact: true })).toBeVisible();
  await a.goto("/settings");
  const form = a.getByRole("form", { name: "Mot de passe", exact: true });
  await form.getByLabel("Mot de passe actuel").fill(who.password);
  await form.getByLabel("Nouveau mot de passe", { exact: true }).fill("une autre phrase de passe");
  await form.getByLabel("Répétez le nouveau mot de passe").fill("une autre phrase de passe");
  await form.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(a.getByText("Mot de passe changé.")).toBeVisible();
  await a.reload();
  await expect(a.getByRole("link", { name: who.name, exact: true })).toBeVisible();
  await b.reload();
  await expect(b.getByRole("link", { name: "Se connecter", exact: true })).toBeVisible();
  // Signed in, the sign-in page sends a hostile return address home, on this origin.
  const origin = new URL(a.url()).origin;
  for (const from of [
    "/\t/evil.example",
    "/\n/evil.example",
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/",
  ]) {
    await a.goto(`/login?from=${encodeURIComponent(from)}`);
    expect(new URL(a.url()).origin).toBe(origin);
    expect(new URL(a.url()).pathname).toBe("/");
  }
  await first.close();
  await second.close();
});

test("[ACCOUNTS]: signing in, signing up (through the mail) and a magic link all come back to the article", async ({
  browser,
}) => {
  const article = "/carnet-de-josee/ce-que-mon-hebdo-faisait-pour-nous";
  // Each its own client address, as the fixtures give each test (sign-up is limited per address).
  const fresh = async () => {
    const context = await browser.newContext({ locale: "fr-CA" });
    await context.setExtraHTTPHeaders({
      "x-forwarded-for": `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`,
    });
    return context.newPage();
  };
  const signInForm = (page: Page) => page.getByRole("form", { name: "Avec votre mot de passe" });

  // Sign in from the header.
  const reader = await fresh();
  await reader.goto(article);
  await reader.getByRole("link", { name: "Se connecter", exact: true }).click();
  await signInForm(reader).getByLabel("Courriel").fill("priya@demo.tribune.test");
  await signInForm(reader).getByLabel("Mot de passe").fill("tribune-demo");
  await signInForm(reader).getByRole("button", { name: "Se connecter" }).click();
  await expect(reader).toHaveURL(new RegExp(`${article}$`));
  await reader.context().close();

  // Sign up from the header: the mail's link, the confirmation and the sign-in lead back.
  const id = unique();
  const who = {
    name: "Retour Test",
    handle: `rt${id}`,
    email: `rt${id}@example.test`,
    password: "une phrase de passe",
  };
  const newcomer = await fresh();
  await newcomer.goto(article);
  await newcomer.getByRole("link", { name: "Créer un compte", exact: true }).click();
  // The article has a "Nom" field too (guest comments): fill only once the sign-up page is there.
  await expect(newcomer.getByRole("heading", { name: "Créer votre compte" })).toBeVisible();
  await expect(newcomer).toHaveURL(/\/signup\?from=/);
  await newcomer.getByLabel("Nom", { exact: true }).fill(who.name);
  await newcomer.getByLabel("Identifiant").fill(who.handle);
  await newcomer.getByLabel("Courriel").fill(who.email);
  await newcomer.getByLabel("Mot de passe").fill(who.password);
  await newcomer.getByRole("button", { name: "Créer un compte" }).click();
  await newcomer.goto(extractLink((await waitForMail(who.email, { subject: /confirm/i })).text));
  await newcomer.getByRole("button", { name: "Confirmer mon adresse" }).click();
  await expect(newcomer.getByText("Votre adresse est confirmée")).toBeVisible();
  await signInForm(newcomer).getByLabel("Courriel").fill(who.email);
  await signInForm(newcomer).getByLabel("Mot de passe").fill(who.password);
  await signInForm(newcomer).getByRole("button", { name: "Se connecter" }).click();
  await expect(newcomer).toHaveURL(new RegExp(`${article}$`));
  await newcomer.context().close();

  // A magic link asked for from the article signs in and lands there.
  const linked = await fresh();
  await linked.goto(article);
  await linked.getByRole("link", { name: "Se connecter", exact: true }).click();
  const form = linked.getByRole("form", { name: "Avec un lien par courriel" });
  await form.getByLabel("Courriel").fill(who.email);
  await form.getByRole("button", { name: "M’envoyer un lien de connexion" }).click();
  await expect(linked.getByText("un lien de connexion est en route")).toBeVisible();
  await linked.goto(extractLink((await waitForMail(who.email, { subject: /connexion|sign/i })).text));
  await expect(linked).toHaveURL(new RegExp(`${article}$`));
  await expect(linked.getByRole("link", { name: who.name, exact: true })).toBeVisible();
  await linked.context().close();
});

test("[ACCOUNTS]: after moving within the app, the header's sign-in and sign-up links come back to the page the reader is on", async ({
  page,
}) => {
  await page.goto("/");
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "Se connecter", exact: true })).toHaveAttribute("href", "/login");
  // A client navigation keeps the header the server wrote for "/" (the marker survives: no new document).
  await page.evaluate(() => Object.assign(window, { stayed: true }));
  await page.locator('main a[href="/carnet-de-josee"]').first().click();
  await expect(page).toHaveURL(/\/carnet-de-josee$/);
  expect(await page.evaluate(() => "stayed" in window)).toBe(true);
  await header.getByRole("link", { name: "Créer un compte", exact: true }).click();
  await expect(page).toHaveURL(/\/signup\?from=%2Fcarnet-de-josee$/);
  await header.getByRole("link", { name: "Se connecter", exact: true }).click();
  // From a page of signing in, no way back to it.
  await expect(page).toHaveURL(/\/login$/);
});
