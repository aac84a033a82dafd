import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
/** Composes Federation 2 subgraphs into a supergraph; every problem is one line. */
export function composeSupergraph(subgraphs) {
    const parsed = [];
    const errors = [];
    for (const s of subgraphs) {
        try {
            parsed.push({ name: s.name, url: s.url, typeDefs: parse(s.sdl) });
        }
        catch (e) {
            errors.push(`${s.name}: ${e.message}`);
        }
    }
    if (errors.length > 0)
        return { ok: false, errors };
    const result = composeServices(parsed);
    if (result.errors) {
        return { ok: false, errors: result.errors.map((e) => `${e.extensions["code"] ?? "COMPOSITION"}: ${oneLine(e.message)}`) };
    }
    return { ok: true, supergraphSdl: result.supergraphSdl };
}
function oneLine(text) {
    return text.replace(/\s*\n\s*/g, " ");
}
//# sourceMappingURL=compose.js.map