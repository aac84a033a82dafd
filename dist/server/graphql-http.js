import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { HeaderMap } from "@apollo/server";
const MAX_BODY_BYTES = 1 << 20;
/** Serves an started Apollo Server at `/graphql` over node:http, with `/health`. */
export async function listenGraphQL(options) {
    const server = createServer((req, res) => {
        handle(options, req, res).catch((error) => {
            // A failure here is ours, not the client's: log it, never echo it.
            console.error("ecofed: http handler failed:", error);
            if (!res.headersSent)
                send(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
            else
                res.destroy();
        });
    });
    server.keepAliveTimeout = 5_000;
    await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port, options.host, () => {
            server.off("error", reject);
            resolve();
        });
    });
    const port = server.address().port;
    return {
        url: `http://${options.host}:${port}/graphql`,
        port,
        close: (graceMs = 5_000) => new Promise((resolve) => {
            const timer = setTimeout(() => server.closeAllConnections(), graceMs);
            timer.unref();
            server.close(() => {
                clearTimeout(timer);
                resolve();
            });
            server.closeIdleConnections();
        }),
    };
}
async function handle(options, req, res) {
    // Every response carries its id; the audit records of the request carry the same (CONTRACT §2).
    const requestId = randomUUID();
    res.setHeader("x-request-id", requestId);
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/health") {
        const ok = options.healthy();
        send(res, ok ? 200 : 503, { status: ok ? "ok" : "starting" });
        return;
    }
    if (url.pathname !== "/graphql") {
        send(res, 404, { error: "not found; GraphQL is served at /graphql" });
        return;
    }
    const body = await readBody(req);
    if (body === "too-large") {
        send(res, 413, { errors: [{ message: `Request body over ${MAX_BODY_BYTES} bytes`, extensions: { code: "BAD_REQUEST" } }] });
        return;
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined)
            headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    let parsedBody = body;
    if ((headers.get("content-type") ?? "").includes("json") && body.length > 0) {
        try {
            parsedBody = JSON.parse(body);
        }
        catch {
            send(res, 400, { errors: [{ message: "Request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
            return;
        }
    }
    let context;
    try {
        context = await options.context(req, requestId);
    }
    catch (error) {
        const status = error.httpStatus;
        if (status === undefined)
            throw error;
        const e = error;
        send(res, status, { errors: [{ message: e.message, extensions: e.extensions ?? {} }] });
        return;
    }
    const httpGraphQLRequest = { method: req.method ?? "GET", headers, search: url.search, body: parsedBody };
    const response = await options.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => context });
    for (const [name, value] of response.headers)
        res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
        res.end(response.body.string);
        return;
    }
    for await (const chunk of response.body.asyncIterator)
        res.write(chunk);
    res.end();
}
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on("data", (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                req.removeAllListeners("data");
                req.resume();
                resolve("too-large");
                return;
            }
            chunks.push(chunk);
        });
        req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        req.on("error", reject);
    });
}
function send(res, status, body) {
    res.statusCode = status;
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.end(JSON.stringify(body));
}
//# sourceMappingURL=graphql-http.js.map