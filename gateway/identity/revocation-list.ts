import { WatchedFile } from "../../storage/watched-file.js";

/**
 * The platform CA's revoked serials, re-read whenever the file changes: `ecofed cert
 * revoke` takes effect on the next request, without a restart. Unreadable: everything is
 * treated as revoked (fail closed).
 */
export class RevocationList {
  private readonly file: WatchedFile<ReadonlySet<string>>;

  constructor(path: string) {
    this.file = new WatchedFile(path, (text) => new Set((JSON.parse(text) as string[]).map((s) => s.toLowerCase())));
  }

  isRevoked(serial: string): boolean {
    const serials = this.file.read();
    return serials instanceof Error || serials.has(serial.toLowerCase());
  }
}
