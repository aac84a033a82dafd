import type { ServerResponse } from "node:http";

/** Ends `res` with `body` as JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}

/** A refusal as every ecofed answer codes it: one GraphQL error with `extensions`. */
export function sendError(res: ServerResponse, status: number, message: string, extensions: Readonly<Record<string, unknown>>): void {
  sendJson(res, status, { errors: [{ message, extensions }] });
}
