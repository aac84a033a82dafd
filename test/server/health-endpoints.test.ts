import { afterEach, describe, expect, it, vi } from "vitest";
import { healthAnswer, type Health } from "../../server/health-endpoints.js";

// The three health paths every ecofed server answers (issue 14 item 5; CONTRACT §1 for /health).

const problem: Health = { status: "unavailable", reason: "unit soil is not answering: connection refused", details: { units: ["soil"] } };

afterEach(() => vi.restoreAllMocks());

describe("healthAnswer", () => {
  it.each([
    ["/health", true, 200, { status: "ok" }],
    ["/health/ready", true, 200, { ready: true, status: "ok" }],
    ["/health", { status: "ok", details: { units: [] } }, 200, { status: "ok" }],
    ["/health/ready", { status: "ok", details: { units: [] } }, 200, { ready: true, status: "ok", units: [] }],
    ["/health", problem, 503, { ready: false, status: "unavailable", reason: "unit soil is not answering: connection refused", units: ["soil"] }],
    ["/health/ready", problem, 503, { ready: false, status: "unavailable", reason: "unit soil is not answering: connection refused", units: ["soil"] }],
    ["/health/live", problem, 200, { live: true }],
  ] as const)("%s when healthy says %j → %i", async (path, health, status, body) => {
    expect(await healthAnswer(path, () => health as Health)).toEqual({ status, body });
  });

  it("a check that throws is not ready (503), never 200 by accident; /health/live does not ask it", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const healthy = vi.fn(async (): Promise<Health> => {
      throw new Error("boom");
    });
    expect(await healthAnswer("/health/ready", healthy)).toMatchObject({ status: 503, body: { ready: false, status: "unavailable" } });
    healthy.mockClear();
    expect(await healthAnswer("/health/live", healthy)).toEqual({ status: 200, body: { live: true } });
    expect(healthy).not.toHaveBeenCalled();
  });
});
