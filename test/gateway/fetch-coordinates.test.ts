import { describe, expect, it } from "vitest";
import { fetchCoordinateIndex } from "../../gateway/fetch-coordinates.js";
import { composeSupergraph } from "../../schema/compose.js";

/*
 * Issue 15 §1: a subgraph may type a field narrower than the supergraph (a shareable field
 * that is `Book` in one subgraph and the union `Media` in another). The planner then sends the
 * narrow subgraph `featured { __typename title }` with no fragment; read against the
 * supergraph, `Media.title` does not exist and the fetch was never sent (an internal error
 * where vanilla answers). Each unit's fetches are read against that unit's own schema.
 */
const LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])`;
const LIBRARY = `${LINK}
  type Query { featured: Book @shareable }
  type Book @key(fields: "id") { id: ID! title: String @shareable }`;
const CINEMA = `${LINK}
  type Query { featured: Media @shareable }
  union Media = Book | Movie
  type Book @key(fields: "id") { id: ID! title: String @shareable }
  type Movie @key(fields: "id") { id: ID! director: String }`;

function composed(): string {
  const result = composeSupergraph([
    { name: "library", url: "http://127.0.0.1:1/graphql", sdl: LIBRARY },
    { name: "cinema", url: "http://127.0.0.1:2/graphql", sdl: CINEMA },
  ]);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.supergraphSdl;
}

describe("the coordinates of a fetch, read as its unit reads it", () => {
  const supergraph = composed();
  const index = fetchCoordinateIndex(supergraph);

  it("places a field typed narrower in the unit than in the supergraph", () => {
    expect(supergraph).toMatch(/featured: Media[^\n]*@join__field\(graph: LIBRARY, type: "Book"\)/);
    expect(index.forUnit("library").of(`{ featured { __typename title } }`)).toEqual(["Book.title", "Query.featured"]);
  });

  it("reads the wider unit with its union, fragments and all", () => {
    expect(index.forUnit("cinema").of(`{ featured { __typename ... on Movie { director } ... on Book { title } } }`)).toEqual(["Book.title", "Movie.director", "Query.featured"]);
  });

  it("reads entity fetches against the unit's _entities", () => {
    expect(index.forUnit("cinema").of(`query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Movie { director } } }`)).toEqual([
      "Movie.director",
      "Query._entities",
    ]);
  });

  it("still refuses to guess a field the unit does not have", () => {
    expect(() => index.forUnit("library").of(`{ featured { director } }`)).toThrow('unknown field "Book.director"');
  });
});
