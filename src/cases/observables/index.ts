// The observables (IOC) module's public surface: types and normalization, refang/defang, extraction, sighting
// queries, STIX and CSV export.
export * from './observable.js';
export { defang, foldWidth, refang } from './refang.js';
export { extractObservables, UNIX_ROOTS } from './extract.js';
export { queryLiteral, SIGHTING_FIELDS, sightingQuery } from './sighting-query.js';
export { stixPattern, stixString, toStixBundle } from './stix.js';
export type { StixBundle, StixExportOptions, StixObject } from './stix.js';
export { TLP_2_0_EXTENSION, tlpMarkingDefinition, tlpMarkingId } from './tlp-marking.js';
export type { TlpMarkingDefinition } from './tlp-marking.js';
export { csvCell, toCsv } from './csv.js';
export type { CsvCell, CsvOptions, CsvRow } from './csv.js';
