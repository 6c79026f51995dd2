import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "lib/generated/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      // Pages and components reach the database only through lib/<domain>.
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/generated/*", "@/lib/db/client"], message: "Import from @/lib/db instead." }] },
      ],
    },
  },
];

export default config;
