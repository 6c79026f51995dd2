import { expect, type Page } from "@playwright/test";
import { extractLink, waitForMail } from "./mailbox";

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
  const form = page.getByRole("form", { name: "Avec votre mot de passe" });
  await form.getByLabel("Courriel").fill(who.email);
  await form.getByLabel("Mot de passe").fill(who.password);
  await form.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("link", { name: who.name })).toBeVisible();
  return who;
}
