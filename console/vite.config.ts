import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The console: a static bundle the gateway serves at /console (issue 16). Everything it loads
 * is in it — scripts, styles, the editor's workers and fonts — so it runs on a closed network
 * under `default-src 'self'`.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/console/",
  // No JSX plugin needed: Vite's own transform compiles TSX with React's automatic runtime.
  oxc: { jsx: { runtime: "automatic" } },
  build: {
    outDir: fileURLToPath(new URL("../dist/console", import.meta.url)),
    emptyOutDir: true,
    // Inline nothing as data: URLs beyond images: fonts and workers are files under 'self'.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 5_000,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      // GraphiQL's and Radix's "use client" / "use no memo" directives mean nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  worker: { format: "es" },
});
