import { href } from "../../app/router.js";

/**
 * Where "open in explorer" goes: the explorer with the operation in its own tab. Other views
 * import this file, never ExplorerView (that would pull GraphiQL and Monaco into their chunk).
 */
export const explorerHref = (operation: string): string => href("explorer", { query: operation });
