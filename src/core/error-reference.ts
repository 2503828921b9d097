// Renders docs/errors.md from the error catalogue.
import { errorCatalogue } from './errors.js';

export function renderErrorReference(): string {
  const rows = Object.entries(errorCatalogue)
    .map(([code, spec]) => `| \`${code}\` | ${spec.status} | ${spec.description} |`)
    .join('\n');
  return `# Error reference

<!-- Generated from src/core/errors.ts by \`npm run docs\`; do not edit by hand. -->

Every error Yagura reports carries one of these codes. The HTTP API answers with the status shown and a
body \`{ "error": { "code", "message", "details" } }\`, where \`details.location\` says where the problem is
(a config key, a column in a search query, a file and line). The CLI prints the message and exits with 1.
Splunk HEC endpoints answer in Splunk's own format instead (see inputs-http.md).

| code | HTTP status | meaning |
| --- | --- | --- |
${rows}
`;
}
