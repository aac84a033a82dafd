import { composeServices } from "@apollo/composition";
import { parse } from "graphql";

/** One subgraph as composition sees it: its name, where it serves, its SDL. */
export interface SubgraphSource {
  readonly name: string;
  readonly url: string;
  readonly sdl: string;
}

export type CompositionResult =
  | { readonly ok: true; readonly supergraphSdl: string }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Composes Federation 2 subgraphs into a supergraph; every problem is one line. */
export function composeSupergraph(subgraphs: readonly SubgraphSource[]): CompositionResult {
  const parsed: { name: string; url: string; typeDefs: ReturnType<typeof parse> }[] = [];
  const errors: string[] = [];
  for (const s of subgraphs) {
    try {
      parsed.push({ name: s.name, url: s.url, typeDefs: parse(s.sdl) });
    } catch (e) {
      errors.push(`${s.name}: ${(e as Error).message}`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const result = composeServices(parsed);
  if (result.errors) {
    return { ok: false, errors: result.errors.map((e) => `${e.extensions["code"] ?? "COMPOSITION"}: ${oneLine(e.message)}`) };
  }
  return { ok: true, supergraphSdl: result.supergraphSdl };
}

/** A message as one line: CLI errors are one line each. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
