// Tables of the audit log. Filled in by the audit module.
export interface AuditTables {}
