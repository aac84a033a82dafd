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
    console.log(await rotatePlatformKey(dataDir));
  } else if (action === "retire" && kid !== undefined && rest.length === 0) {
    try {
      retirePlatformKey(dataDir, kid);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
  } else {
    throw new CliError("usage: ecofed key list | key rotate | key retire <kid>", 2);
  }
}
