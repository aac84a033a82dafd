import { serveUnit, type RunningUnit, type ServeUnitOptions } from "../../subgraphs/_kit/serve-unit.js";
import type { AnyUnit } from "../../subgraphs/_kit/unit.js";
import type { VerificationKeys } from "../../schema/platform-keys.js";
import { tempDir } from "./temp-dir.js";

export interface UnitUnderTest {
  readonly running: RunningUnit;
  readonly dataDir: string;
  /** SQL statements executed since the last `resetStatements()`. */
  readonly statements: string[];
  resetStatements(): void;
  stop(): Promise<void>;
}

/** Serves one unit on 127.0.0.1:0 over a fresh data dir, counting its SQL statements. */
export async function startUnit(
  unit: AnyUnit,
  platformKeys?: VerificationKeys,
  sharedDataDir?: string,
  options: Pick<ServeUnitOptions, "maxItemsPerRequest" | "documentCacheBytes"> = {},
): Promise<UnitUnderTest> {
  // A shared data dir belongs to the caller; an own one is removed on stop.
  const dir = sharedDataDir ? { path: sharedDataDir, remove: () => undefined } : tempDir(unit.code);
  const statements: string[] = [];
  const running = await serveUnit(unit, {
    dataDir: dir.path,
    host: "127.0.0.1",
    port: 0,
    onStatement: (sql) => statements.push(sql),
    ...(platformKeys ? { platformKeys } : {}),
    ...options,
  });
  return {
    running,
    dataDir: dir.path,
    statements,
    resetStatements: () => statements.splice(0),
    stop: async () => {
      await running.close();
      dir.remove();
    },
  };
}
