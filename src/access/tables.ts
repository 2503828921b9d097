// Tables of the access model (tenants, users, tokens, sessions). Filled in by the access module.
export interface AccessTables {}
