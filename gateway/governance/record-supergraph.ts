import { askAsPlatform } from "../ask-as-platform.js";
import type { PlatformKeyring } from "../identity/platform-key.js";

const RECORD = "mutation ($sdl: String!) { recordSupergraph(sdl: $sdl) }";
const RETRY_MS = 5_000;

/** The governance unit's URL in a supergraph, or null when the federation has none. */
export function governanceUrl(supergraphSdl: string): string | null {
  return /@join__graph\(name: "governance", url: "([^"]+)"\)/.exec(supergraphSdl)?.[1] ?? null;
}

/**
 * Hands the governance unit the supergraph the gateway serves: applications are checked
 * against it and the catalog is generated from it. Signed as the platform (the mutation is
 * `@inaccessible`: no client reaches it). Until it succeeds it is retried in the background;
 * the returned function stops that.
 */
export async function recordSupergraph(supergraphSdl: string, keyring: PlatformKeyring): Promise<() => void> {
  const url = governanceUrl(supergraphSdl);
  if (!url) return () => undefined;
  let timer: NodeJS.Timeout | undefined;
  const attempt = async (): Promise<void> => {
    try {
      await send(url, supergraphSdl, keyring);
      timer = undefined;
    } catch (error) {
      console.error(`ecofed: the governance unit did not record the supergraph (${(error as Error).message}); retrying in ${RETRY_MS / 1000} s`);
      timer = setTimeout(() => void attempt(), RETRY_MS);
      timer.unref();
    }
  };
  await attempt();
  return () => clearTimeout(timer);
}

async function send(url: string, sdl: string, keyring: PlatformKeyring): Promise<void> {
  const { status, body } = await askAsPlatform("governance", url, keyring.current(), "ecofed-gateway", { query: RECORD, variables: { sdl }, coordinates: ["Mutation.recordSupergraph"] });
  if (status !== 200 || typeof body.data?.["recordSupergraph"] !== "number") throw new Error(body.errors?.[0]?.message ?? `HTTP ${status}`);
}
