// The search language's public surface: parse a query, compile it for SQLite or for in-memory events.
export type * from './ast.js';
export { parseQuery, type ParseOptions } from './parser.js';
export { parseTimeExpression, parseIsoTime } from './time-expression.js';
export { compileToSqlite, type SqlExpression, type SqlParam } from './sqlite-compiler.js';
export { compilePredicate, type EventPredicate } from './predicate.js';
export { ipInCidr, parseCidr, ygCidr, type Cidr } from './cidr.js';
export { canonicalField, fullTextDocument, isValidFieldName } from './fields.js';
