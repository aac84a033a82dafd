/**
 * Governance is open to every authenticated requester, internal and external, for any
 * declared purpose (CONTRACT §7); its resolvers decide which rows and actions each may have.
 */
export const GOVERNANCE_SHARE = "@share(class: UNCONDITIONAL)";
