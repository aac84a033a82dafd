import { CompactSign, compactVerify, type CryptoKey } from "jose";
import type { CheckpointClaim } from "./chain.js";

/** Signs checkpoints with the platform key (the gateway holds it). */
export interface CheckpointSigner {
  readonly kid: string;
  sign(claim: CheckpointClaim): Promise<string>;
}

export function checkpointSigner(kid: string, privateKey: CryptoKey): CheckpointSigner {
  return {
    kid,
    sign: (claim) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(claim)))
        .setProtectedHeader({ alg: "ES256", kid, typ: "ecofed-checkpoint" })
        .sign(privateKey),
  };
}

/** The claim a checkpoint signature carries, or null when the signature is not the platform's. */
export async function verifyCheckpoint(signature: string, publicKey: CryptoKey): Promise<CheckpointClaim | null> {
  try {
    const { payload, protectedHeader } = await compactVerify(signature, publicKey, { algorithms: ["ES256"] });
    if (protectedHeader.typ !== "ecofed-checkpoint") return null;
    return JSON.parse(new TextDecoder().decode(payload)) as CheckpointClaim;
  } catch {
    return null;
  }
}
