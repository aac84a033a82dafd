import { composeDemoSupergraph } from "../../cli/commands/compose.js";

let composed: Promise<string> | undefined;

/** The demo federation's supergraph, as `ecofed compose` makes it; composed once per test file. */
export function demoSupergraph(): Promise<string> {
  composed ??= composeDemoSupergraph({ host: "127.0.0.1", port: 4000 });
  return composed;
}
