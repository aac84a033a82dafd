import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Apollo and type-graphql load graphql's CommonJS build; one realm for all of them.
    alias: { graphql: require.resolve("graphql") },
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: one file at a time on CI's two. Most
    // files wait on processes they start (units, browsers, timers), so two at a time overlap
    // those waits.
    maxWorkers: 2,
    setupFiles: ["reflect-metadata"],
  },
});
