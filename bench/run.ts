import { benchAuditGateway } from "./audit-gateway.js";
import { benchAuditQuery } from "./audit-query.js";
import { benchAuditStore } from "./audit-store.js";
import { benchGatewayThroughput } from "./gateway-throughput.js";
import { benchStartup } from "./startup.js";

// `npm run bench`: every benchmark in one run, on this machine (figures are relative to it).
await benchStartup();
await benchGatewayThroughput();
await benchAuditStore();
await benchAuditQuery();
await benchAuditGateway();
