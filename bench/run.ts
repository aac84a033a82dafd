import { benchGatewayThroughput } from "./gateway-throughput.js";
import { benchStartup } from "./startup.js";

// `npm run bench`: every benchmark in one run, on this machine (figures are relative to it).
await benchStartup();
await benchGatewayThroughput();
