import type { KeyObject } from "node:crypto";
import { CompactSign, compactVerify } from "jose";
import type { CheckpointClaim } from "./chain.js";

/** Signs checkpoints with the platform key (the gateway holds it); says which key signed. */
export interface CheckpointSigner {
  sign(claim: CheckpointClaim): Promise<{ readonly kid: string; readonly signature: string }>;
}

/** Signs with whichever key is current at the time: a key rotation needs no restart. */
export function checkpointSigner(currentKey: () => { readonly kid: string; readonly privateKey: KeyObject }): CheckpointSigner {
  return {
    sign: async (claim) => {
      const { kid, privateKey } = currentKey();
      const signature = await new CompactSign(new TextEncoder().encode(JSON.stringify(claim)))
        .setProtectedHeader({ alg: "ES256", kid, typ: "ecofed-checkpoint" })
        .sign(privateKey);
      return { kid, signature };
    },
  };
}

/** The platform's key by its id, retired ones included: a checkpoint outlives a key rotation. */
export type CheckpointKeys = (kid: string) => KeyObject | null;

/** The claim a checkpoint signature carries, or null when the signature is not the platform's. */
export async function verifyCheckpoint(signature: string, keys: CheckpointKeys): Promise<CheckpointClaim | null> {
  try {
    const keyOf = (header: { kid?: string }): KeyObject => {
      const key = header.kid === undefined ? null : keys(header.kid);
      if (!key) throw new Error("unknown key");
      return key;
    };
    const { payload, protectedHeader } = await compactVerify(signature, keyOf, { algorithms: ["ES256"] });
    if (protectedHeader.typ !== "ecofed-checkpoint") return null;
    return JSON.parse(new TextDecoder().decode(payload)) as CheckpointClaim;
  } catch {
    return null;
  }
}
