// A preload (`node --import ./tools/closed-network.mjs`) that keeps a process on loopback:
// every TCP connect and DNS lookup of a name or address outside 127.0.0.0/8, ::1 and
// `localhost` is refused (ECONNREFUSED / ENOTFOUND, as a closed ministry network answers)
// and recorded. `.ci/run` runs `npm test` under it, so every process the suite starts
// (vitest's workers, each gateway and unit) inherits it through NODE_OPTIONS, and a test
// proves that ecofed itself attempts nothing (issue 13: nothing may leave the network).
//
// ECOFED_NETWORK_LOG=<file>: each attempt is appended to it as one JSON line
// ({ pid, kind, target, argv }), after a line of kind "loaded" that says the process ran
// under the preload at all (a test that finds no attempts must know it was watching);
// without it, attempts are written to stderr.
//
// Plain JavaScript on purpose: it must load before anything, in any process, unbuilt.
import dns from "node:dns";
import { appendFileSync } from "node:fs";
import net from "node:net";

const LOG = process.env.ECOFED_NETWORK_LOG;

/** True for what stays on this machine: loopback addresses, `localhost`, no host at all. */
function isLoopback(host) {
  if (host === undefined || host === null || host === "") return true;
  let h = String(host).toLowerCase();
  if (h.startsWith("[") && h.endsWith("]")) h = h.slice(1, -1);
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  if (h.startsWith("::ffff:")) h = h.slice(7);
  return net.isIPv4(h) && h.startsWith("127.");
}

function record(kind, target) {
  const line = JSON.stringify({ pid: process.pid, kind, target: String(target), argv: process.argv.slice(1, 3) });
  try {
    if (LOG) appendFileSync(LOG, `${line}\n`);
    else process.stderr.write(`closed-network: refused ${line}\n`);
  } catch {
    // Recording must never be what breaks the process under test.
  }
}

function refusal(code, syscall, target) {
  const error = new Error(`${syscall} ${code} ${target} (closed network: only loopback is reachable)`);
  error.code = code;
  error.errno = code === "ENOTFOUND" ? -3008 : -111;
  error.syscall = syscall;
  error.hostname = String(target);
  return error;
}

if (LOG) record("loaded", "");

// net.connect(options | port, host | path) reaches Socket.prototype.connect in every
// client: http/https agents, TLS, undici (Node's fetch), node-redis, pg.
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function closedNetworkConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  let host;
  let isPath = false;
  if (first !== null && typeof first === "object") {
    if (first.path) isPath = true; // http agents pass `path: null` for TCP
    else host = first.host ?? first.hostname;
  } else if (typeof first === "string" && !/^\d+$/.test(first)) {
    isPath = true;
  } else if (typeof args[1] === "string") {
    host = args[1];
  }
  if (isPath || isLoopback(host)) return connect.apply(this, args);
  record("connect", host);
  const error = refusal("ECONNREFUSED", "connect", host);
  // Fail the way a refused connection fails: asynchronously, through the socket's 'error'.
  process.nextTick(() => this.destroy(error));
  return this;
};

const lookup = dns.lookup;
dns.lookup = function closedNetworkLookup(hostname, options, callback) {
  if (isLoopback(hostname)) return lookup.call(this, hostname, options, callback);
  const cb = typeof options === "function" ? options : callback;
  record("lookup", hostname);
  process.nextTick(() => cb(refusal("ENOTFOUND", "getaddrinfo", hostname)));
  return {};
};

const lookupPromise = dns.promises.lookup;
dns.promises.lookup = function closedNetworkLookupPromise(hostname, options) {
  if (isLoopback(hostname)) return lookupPromise.call(this, hostname, options);
  record("lookup", hostname);
  return Promise.reject(refusal("ENOTFOUND", "getaddrinfo", hostname));
};

// Resolving any name through a DNS server is a packet off the machine.
for (const name of ["resolve", "resolve4", "resolve6", "resolveAny", "resolveCname", "resolveMx", "resolveNs", "resolveSrv", "resolveTxt", "reverse"]) {
  const original = dns[name];
  if (typeof original !== "function") continue;
  dns[name] = function closedNetworkResolve(hostname, ...rest) {
    record(name, hostname);
    const cb = rest.at(-1);
    if (typeof cb === "function") process.nextTick(() => cb(refusal("ENOTFOUND", "query", hostname)));
  };
  const promised = dns.promises[name];
  if (typeof promised === "function") {
    dns.promises[name] = (hostname) => {
      record(name, hostname);
      return Promise.reject(refusal("ENOTFOUND", "query", hostname));
    };
  }
}
