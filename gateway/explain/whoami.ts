import type { GatewayContext } from "../identity/authenticate.js";

/** What `whoami` answers (the `Whoami` type): the verified identity and declared purpose, nothing a client could set. */
export interface WhoamiView {
  readonly unit: string;
  readonly principal: string;
  readonly roles: readonly string[];
  readonly purpose: string | null;
  readonly credential: "TOKEN" | "CERTIFICATE";
}

export function whoami(context: GatewayContext): WhoamiView {
  const { unit, principal, roles } = context.requester;
  return { unit, principal, roles: [...roles], purpose: context.purpose, credential: context.credential };
}
