import { baseConfig } from "../../gateway/config.js";
import { openPlatformKeyring, retirePlatformKey, rotatePlatformKey } from "../../gateway/identity/platform-key.js";
import { CliError } from "../cli-error.js";

/**
 * `ecofed key list | rotate | retire <kid>`: the platform keyring. Rotation takes effect on
 * the next request of a running gateway and its units (they re-read the keyring); tokens
 * signed with an older key keep working until it is retired.
 */
export async function keyCommand(args: string[]): Promise<void> {
  const [action, kid, ...rest] = args;
  const dataDir = baseConfig(process.env).dataDir;
  const keyring = await openPlatformKeyring(dataDir);
  if (action === "list" && kid === undefined) {
    for (const k of keyring.list()) console.log(`${k.kid}  ${k.status.padEnd(9)}  created ${k.createdAt}`);
  } else if (action === "rotate" && kid === undefined) {
    const previous = keyring.list().filter((k) => k.status !== "retired").map((k) => k.kid);
    const next = await rotatePlatformKey(dataDir);
    // stdout stays the new kid alone (scripts read it); what happened is said on stderr.
    console.log(next);
    console.error(
      `ecofed: key ${next} signs tokens and assertions from the next request; ${previous.join(", ")} still verif${previous.length === 1 ? "ies" : "y"} until retired (ecofed key retire KID)`,
    );
  } else if (action === "retire" && kid !== undefined && rest.length === 0) {
    try {
      retirePlatformKey(dataDir, kid);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    console.log(`ecofed: key ${kid} retired: nothing signed with it is accepted from the next request`);
  } else {
    throw new CliError("usage: ecofed key list | key rotate | key retire <kid>", 2);
  }
}
