import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { caPaths, initCa, issueCertificate } from "./platform-ca.js";

/**
 * What the gateway serves HTTPS with (`ecofed start --tls`): the platform CA (created if
 * missing) and a server certificate it issues for the gateway's host, fresh at each start.
 */
export async function gatewayTls(dataDir: string, host: string): Promise<{ key: string; cert: string; ca: string }> {
  await initCa(dataDir);
  const ips = [...new Set(["127.0.0.1", ...(isIP(host) ? [host] : [])])];
  const dnsNames = [...new Set(["localhost", ...(isIP(host) ? [] : [host])])];
  const issued = await issueCertificate(dataDir, {
    requester: { unit: "info-center", principal: "ecofed-gateway", roles: [] },
    days: 30,
    server: { dnsNames, ips },
  });
  return { key: issued.keyPem, cert: issued.certPem, ca: readFileSync(caPaths(dataDir).cert, "utf8") };
}
