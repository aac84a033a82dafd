import type { KeyObject } from "node:crypto";
import { join } from "node:path";
import { parsePublicKeyring, PUBLIC_KEY_FILE, type VerificationKeys } from "../../schema/platform-keys.js";
import { WatchedFile } from "../../storage/watched-file.js";

/**
 * The platform's public keys as a unit reads them from the data dir, re-read when a
 * rotation or retirement rewrites the file. Unreadable: no key verifies (fail closed).
 */
export class PlatformPublicKeys implements VerificationKeys {
  private readonly file: WatchedFile<ReturnType<typeof parsePublicKeyring>>;

  constructor(dataDir: string) {
    this.file = new WatchedFile(join(dataDir, PUBLIC_KEY_FILE), parsePublicKeyring);
  }

  credentialKey(kid: string): KeyObject | null {
    const entry = this.entry(kid);
    return entry && !entry.retired ? entry.key : null;
  }

  historyKey(kid: string): KeyObject | null {
    return this.entry(kid)?.key ?? null;
  }

  private entry(kid: string): { key: KeyObject; retired: boolean } | undefined {
    const keys = this.file.read();
    return keys instanceof Error ? undefined : keys.get(kid);
  }
}
