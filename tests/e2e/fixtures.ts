import { test as base } from "@playwright/test";

export { expect } from "@playwright/test";

/**
 * test: every test browses from its own client address (X-Forwarded-For, trusted by the e2e
 * servers through TRUST_PROXY=1), so per-address rate limits (sign-up: 5 an hour) count each
 * journey on its own, as they would count different people.
 */
export const test = base.extend({
  context: async ({ context }, use) => {
    const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
    await context.setExtraHTTPHeaders({ "x-forwarded-for": ip });
    await use(context);
  },
});
