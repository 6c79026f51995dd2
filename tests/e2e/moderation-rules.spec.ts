// A blog's discussion rules in its settings page (issue 11, item 5): a bad value is refused next
// to its field with what was typed kept; good values save and come back after a reload. The
// demo blog's rules are put back as they were at the end, so other journeys see the defaults.
import { expect, test } from "./fixtures";
import { signIn } from "./helpers/accounts";

const SETTINGS = "/write/open-margins/settings";

test("discussion rules: refused with the field named, then saved and shown again after a reload", async ({ page }) => {
  await signIn(page, "priya@demo.tribune.test");
  await page.goto(SETTINGS);
  const rules = page.getByRole("region", { name: "Règles des discussions" });
  await expect(rules).toBeVisible();

  const linkLimit = rules.getByLabel("Retenir les commentaires qui ont plus de liens que");
  const holdWords = rules.getByLabel("Mots qui retiennent un commentaire pour relecture");
  const closeAfter = rules.getByLabel("Fermer les discussions automatiquement après (jours)");
  const threshold = rules.getByLabel("Signalements avant qu’un commentaire soit masqué");
  const firstComment = rules.getByRole("checkbox", { name: /Retenir les commentaires d’une personne/ });
  const save = page.getByRole("button", { name: "Enregistrer les réglages" });

  await holdWords.fill("zzq-promo\nachetez maintenant");
  await linkLimit.fill("500");
  await save.click();
  await expect(page.getByText("Certains champs demandent votre attention.")).toBeVisible();
  await expect(rules.getByText("Entrez un nombre entier de 0 à 100, ou laissez vide.")).toBeVisible();
  await expect(linkLimit).toHaveAttribute("aria-invalid", "true");
  await expect(holdWords).toHaveValue("zzq-promo\nachetez maintenant");

  await linkLimit.fill("40");
  await closeAfter.fill("3650");
  await threshold.fill("5");
  await firstComment.check();
  await save.click();
  await expect(page.getByText("C’est enregistré.")).toBeVisible();

  await page.reload();
  await expect(linkLimit).toHaveValue("40");
  await expect(holdWords).toHaveValue("zzq-promo\nachetez maintenant");
  await expect(closeAfter).toHaveValue("3650");
  await expect(threshold).toHaveValue("5");
  await expect(firstComment).toBeChecked();

  // Back to the demo's defaults (an unticked box is saved too).
  await linkLimit.fill("");
  await holdWords.fill("");
  await closeAfter.fill("");
  await threshold.fill("3");
  await firstComment.uncheck();
  await save.click();
  await expect(page.getByText("C’est enregistré.")).toBeVisible();
  await page.reload();
  await expect(firstComment).not.toBeChecked();
  await expect(linkLimit).toHaveValue("");
});
