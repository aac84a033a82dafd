import { Supergraph } from "@apollo/federation-internals";
import { buildASTSchema, parse } from "graphql";
import { CoordinateIndex } from "../schema/operation-coordinates.js";
import { SUBGRAPH_FETCH_SDL } from "../schema/request-assertion.js";

/**
 * Reads the coordinates of the fetches a query plan sends to each unit, against that unit's
 * own schema as the supergraph records it — the schema the unit reads the same text with.
 * Against the supergraph instead, a field a subgraph types narrower (`book: Book` where the
 * supergraph says the union `Media`) is sent as `book { title }`, and `Media.title` does not
 * exist: the fetch was never sent (issue 15, found by a Federation 2 conformance suite).
 */
export class FetchCoordinates {
  private readonly units = new Map<string, CoordinateIndex>();
  private readonly whole: CoordinateIndex;

  constructor(supergraphSdl: string) {
    this.whole = new CoordinateIndex(buildASTSchema(parse(`${supergraphSdl}\n${SUBGRAPH_FETCH_SDL}`), { assumeValidSDL: true }));
    let subgraphs: ReturnType<Supergraph["subgraphs"]> | null = null;
    try {
      subgraphs = Supergraph.build(supergraphSdl).subgraphs();
    } catch {
      // A supergraph Apollo's extraction cannot split: every unit is read against it whole (as
      // before), and the gateway's own build of it says what is wrong, in one line.
    }
    for (const name of subgraphs?.names() ?? []) {
      this.units.set(name, new CoordinateIndex(subgraphs!.get(name)!.schema.toGraphQLJSSchema()));
    }
  }

  /** The index for one unit's fetches (its graph name, as `buildService` is given it). */
  forUnit(name: string): CoordinateIndex {
    return this.units.get(name) ?? this.whole;
  }
}

export function fetchCoordinateIndex(supergraphSdl: string): FetchCoordinates {
  return new FetchCoordinates(supergraphSdl);
}
