import { buildASTSchema, parse } from "graphql";
import { CoordinateIndex } from "../schema/operation-coordinates.js";
import { SUBGRAPH_FETCH_SDL } from "../schema/request-assertion.js";

/** Reads the coordinates of the fetches a query plan sends, against the supergraph they were planned from. */
export function fetchCoordinateIndex(supergraphSdl: string): CoordinateIndex {
  return new CoordinateIndex(buildASTSchema(parse(`${supergraphSdl}\n${SUBGRAPH_FETCH_SDL}`), { assumeValidSDL: true }));
}
