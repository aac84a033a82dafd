import type { SubgraphSource } from "../schema/compose.js";

/** Asks each running subgraph for its SDL (`_service { sdl }`), as composition needs it. */
export async function fetchSubgraphSdl(subgraphs: readonly { name: string; url: string }[]): Promise<SubgraphSource[]> {
  return Promise.all(
    subgraphs.map(async ({ name, url }) => {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ _service { sdl } }" }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await res.json()) as { data?: { _service?: { sdl?: string } } };
      const sdl = body.data?._service?.sdl;
      if (!res.ok || !sdl) throw new Error(`subgraph "${name}" at ${url} did not return its SDL (HTTP ${res.status})`);
      return { name, url, sdl };
    }),
  );
}
