import { expect, type Browser, type Page } from "@playwright/test";
import { extractLink, waitForMail } from "./mailbox";

/** DEMO_PASSWORD: the README's password of the demo's people (the e2e servers run in demo mode). */
const DEMO_PASSWORD = "tribune-demo";

/** submitSignIn: fills and sends the password sign-in form (no assertion on the outcome). */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  const form = page.getByRole("form", { name: "Avec votre mot de passe" });
  await form.getByLabel("Courriel").fill(email);
  await form.getByLabel("Mot de passe").fill(password);
  await form.getByRole("button", { name: "Se connecter" }).click();
}

/** signIn: signs a demo person in on `page` and waits until the header shows it. */
export async function signIn(page: Page, email: string): Promise<void> {
  await submitSignIn(page, email);
  await expect(page.getByRole("link", { name: "Paramètres" })).toBeVisible();
}

/** signedInPage: a new browser context (its own client address) with a demo person signed in. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-CA" });
  const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
  await context.setExtraHTTPHeaders({ "x-forwarded-for": ip });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

export type Account = { name: string; handle: string; email: string; password: string };

/** newAccount: a fresh, verified person, signed in on `page` (through the real sign-up and mail). */
export async function newAccount(page: Page, name = "Test Person"): Promise<Account> {
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const who = { name, handle: `t${id}`, email: `t${id}@example.test`, password: "une phrase de passe" };
  await page.goto("/signup");
  await page.getByLabel("Nom", { exact: true }).fill(who.name);
  await page.getByLabel("Identifiant").fill(who.handle);
  await page.getByLabel("Courriel").fill(who.email);
  await page.getByLabel("Mot de passe").fill(who.password);
  await page.getByRole("button", { name: "Créer un compte" }).click();
  await page.goto(extractLink((await waitForMail(who.email, { subject: /confirm/i })).text));
  await page.getByRole("button", { name: "Confirmer mon adresse" }).click();
  await expect(page.getByText("Votre adresse est confirmée")).toBeVisible();
  await submitSignIn(page, who.email, who.password);
  await expect(page.getByRole("link", { name: who.name })).toBeVisible();
  return who;
}
