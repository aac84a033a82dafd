import { GatewayClient, requesterHeaders } from "./gateway-client.js";

/** `auditIntegrity` as the security team reads it through the gateway: "ok (N records)" or what is wrong. */
export async function auditIntegrity(url: string, securityToken: string): Promise<string> {
  const client = new GatewayClient(url, 1);
  try {
    const res = await client.post(JSON.stringify({ query: `{ auditIntegrity { ok records problem } }` }), requesterHeaders(securityToken, "DATA_VERIFICATION"));
    const body = JSON.parse(res.body) as { data?: { auditIntegrity?: { ok: boolean; records: number; problem: string | null } } };
    const integrity = body.data?.auditIntegrity;
    if (!integrity) return `unknown (HTTP ${res.status}: ${res.body.slice(0, 200)})`;
    return integrity.ok ? `ok (${integrity.records} records)` : `NOT ok (${integrity.records} records): ${integrity.problem ?? "?"}`;
  } catch (error) {
    return `unknown (${(error as Error).message})`;
  } finally {
    client.close();
  }
}
