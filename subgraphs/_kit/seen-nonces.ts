/**
 * The nonces of the assertions a unit has accepted, each kept until its assertion expires:
 * a second use of one is a replay. Memory is bounded by traffic × assertion lifetime;
 * expired entries are swept as the map grows.
 */
export class SeenNonces {
  private readonly expiries = new Map<string, number>();
  private sweepAt = 1_024;

  /** False when the nonce was seen before (a replay); otherwise remembers it. */
  remember(nonce: string, expiresAtMs: number, nowMs = Date.now()): boolean {
    if (this.expiries.has(nonce)) return false;
    this.expiries.set(nonce, expiresAtMs);
    if (this.expiries.size >= this.sweepAt) this.sweep(nowMs);
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }

  private sweep(nowMs: number): void {
    for (const [nonce, expiresAt] of this.expiries) if (expiresAt <= nowMs) this.expiries.delete(nonce);
    // Sweep again when the live set has doubled: amortised O(1) per assertion.
    this.sweepAt = Math.max(1_024, this.expiries.size * 2);
  }
}
