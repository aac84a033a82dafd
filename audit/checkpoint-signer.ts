import type { KeyObject } from "node:crypto";
import { CompactSign, compactVerify } from "jose";

/**
 * What the platform signs about the log. Each kind has its own JWS `typ`, so a signature
 * made for one is never accepted as another (a checkpoint copied into the seal table must
 * not open the records it names for deletion).
 */
export type SignedKind = "checkpoint" | "seal";

const TYP: Record<SignedKind, string> = { checkpoint: "ecofed-checkpoint", seal: "ecofed-audit-seal" };

/** Signs claims about the log with the platform key (the gateway holds it); says which key signed. */
export interface CheckpointSigner {
  sign(claim: object, kind?: SignedKind): Promise<{ readonly kid: string; readonly signature: string }>;
}

/** Signs with whichever key is current at the time: a key rotation needs no restart. */
export function checkpointSigner(currentKey: () => { readonly kid: string; readonly privateKey: KeyObject }): CheckpointSigner {
  return {
    sign: async (claim, kind = "checkpoint") => {
      const { kid, privateKey } = currentKey();
      const signature = await new CompactSign(new TextEncoder().encode(JSON.stringify(claim)))
        .setProtectedHeader({ alg: "ES256", kid, typ: TYP[kind] })
        .sign(privateKey);
      return { kid, signature };
    },
  };
}

/** The platform's key by its id, retired ones included: a checkpoint outlives a key rotation. */
export type CheckpointKeys = (kid: string) => KeyObject | null;

/** The claim a signature of that kind carries, or null when it is not the platform's signature of that kind. */
export async function verifySigned<T>(signature: string, keys: CheckpointKeys, kind: SignedKind = "checkpoint"): Promise<T | null> {
  try {
    const keyOf = (header: { kid?: string }): KeyObject => {
      const key = header.kid === undefined ? null : keys(header.kid);
      if (!key) throw new Error("unknown key");
      return key;
    };
    const { payload, protectedHeader } = await compactVerify(signature, keyOf, { algorithms: ["ES256"] });
    if (protectedHeader.typ !== TYP[kind]) return null;
    return JSON.parse(new TextDecoder().decode(payload)) as T;
  } catch {
    return null;
  }
}
