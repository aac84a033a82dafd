import type { SubgraphSource } from "../schema/compose.js";
import { askAsPlatform } from "./ask-as-platform.js";
import type { PlatformKey } from "./identity/platform-key.js";

const SDL = { query: "{ _service { sdl } }", coordinates: ["Query._service", "_Service.sdl"] };

/** Asks each running subgraph for its SDL (`_service { sdl }`), as composition needs it. */
export async function fetchSubgraphSdl(subgraphs: readonly { name: string; url: string }[], key: PlatformKey): Promise<SubgraphSource[]> {
  return Promise.all(
    subgraphs.map(async ({ name, url }) => {
      const { status, body } = await askAsPlatform(name, url, key, "ecofed-composition", SDL);
      const sdl = (body.data?.["_service"] as { sdl?: string } | undefined)?.sdl;
      if (status !== 200 || !sdl) throw new Error(`subgraph "${name}" at ${url} did not return its SDL (HTTP ${status})`);
      return { name, url, sdl };
    }),
  );
}
