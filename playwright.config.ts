import { defineConfig, devices } from "@playwright/test";
import { env } from "./lib/env.js";

// Debian's Chromium (never `npx playwright install`: no network here).
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: env.CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  use: { trace: "retain-on-failure", locale: "fr-CA" },
  // Visual references live in the repository; a run compares and, under CI, never rewrites them.
  snapshotPathTemplate: "tests/e2e/__screenshots__/{arg}{ext}",
  updateSnapshots: process.env.CI ? "none" : "missing",
  expect: { toHaveScreenshot: { maxDiffPixelRatio: 0.002 } },
  projects: [
    // The design pass runs first, on the untouched demo content (other journeys add to it).
    { name: "design", use: { ...chromium, baseURL: "http://127.0.0.1:3100" }, testMatch: /design\.spec\.ts/ },
    {
      name: "sqlite",
      use: { ...chromium, baseURL: "http://127.0.0.1:3100" },
      testIgnore: /design\.spec\.ts/,
      dependencies: ["design"],
    },
    // The same journeys against the PostgreSQL-backed server: one model, two databases.
    {
      name: "postgresql",
      use: { ...chromium, baseURL: "http://127.0.0.1:3101" },
      grep: /@both/,
      testIgnore: /design\.spec\.ts/,
    },
  ],
  webServer: [
    {
      // A real SMTP server on loopback; tests read what it received over HTTP.
      command: "node_modules/.bin/tsx tests/setup/smtp-sink.ts --port 2526 --http 2527",
      url: "http://127.0.0.1:2527/messages",
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      // GitHub's OAuth endpoints, stood in on loopback (the app's GITHUB_URL points here).
      command: "node_modules/.bin/tsx tests/setup/github-stand-in.ts --port 2528",
      url: "http://127.0.0.1:2528/health",
      reuseExistingServer: false,
    },
    {
      command: "node_modules/.bin/tsx tests/setup/e2e-servers.ts",
      // The PostgreSQL server starts last: when it answers, both do.
      url: "http://127.0.0.1:3101/api/health",
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
  ],
});
