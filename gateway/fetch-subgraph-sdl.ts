import type { SubgraphSource } from "../schema/compose.js";
import { ASSERTION_HEADER } from "../schema/request-assertion.js";
import { serviceAssertion } from "./identity/assertion.js";
import type { PlatformKey } from "./identity/platform-key.js";

const SDL_QUERY = "{ _service { sdl } }";
const SDL_COORDINATES = ["Query._service", "_Service.sdl"];

/**
 * Asks each running subgraph for its SDL (`_service { sdl }`), as composition needs it —
 * signed as the platform, since units answer nobody else.
 */
export async function fetchSubgraphSdl(subgraphs: readonly { name: string; url: string }[], key: PlatformKey): Promise<SubgraphSource[]> {
  return Promise.all(
    subgraphs.map(async ({ name, url }) => {
      const assertion = await serviceAssertion(key, "ecofed-composition", SDL_COORDINATES);
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", [ASSERTION_HEADER]: assertion },
        body: JSON.stringify({ query: SDL_QUERY }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await res.json()) as { data?: { _service?: { sdl?: string } } };
      const sdl = body.data?._service?.sdl;
      if (!res.ok || !sdl) throw new Error(`subgraph "${name}" at ${url} did not return its SDL (HTTP ${res.status})`);
      return { name, url, sdl };
    }),
  );
}
