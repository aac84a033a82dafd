/** The audit log's fields are open to every internal unit; its rows are filtered per requester (CONTRACT §6). */
export const AUDIT_SHARE = '@share(class: CONDITIONAL, conditions: { scope: ["internal"] })';
