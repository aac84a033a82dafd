import { readFileSync, statSync } from "node:fs";

/**
 * The platform CA's revoked serials, re-read whenever the file changes: `ecofed cert
 * revoke` takes effect on the next request, without a restart. Unreadable: everything is
 * treated as revoked (fail closed).
 */
export class RevocationList {
  private mtimeMs = -1;
  private serials: ReadonlySet<string> | null = new Set();

  constructor(private readonly file: string) {}

  isRevoked(serial: string): boolean {
    this.refresh();
    return this.serials === null || this.serials.has(serial.toLowerCase());
  }

  private refresh(): void {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(this.file).mtimeMs;
    } catch {
      this.serials = null;
      return;
    }
    if (mtimeMs === this.mtimeMs && this.serials !== null) return;
    try {
      this.serials = new Set((JSON.parse(readFileSync(this.file, "utf8")) as string[]).map((s) => s.toLowerCase()));
      this.mtimeMs = mtimeMs;
    } catch {
      this.serials = null;
    }
  }
}
