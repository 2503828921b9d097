// Renders the configuration reference (docs/configuration.md) from the schema itself, so it never drifts.
import { z } from 'zod';

interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  enum?: unknown[];
  anyOf?: JsonSchemaNode[];
  required?: string[];
  minimum?: number;
  maximum?: number;
}

interface Row {
  key: string;
  type: string;
  default: string;
  description: string;
}

export function renderConfigReference(schema: z.ZodTypeAny, envShorthands: Record<string, string[]>): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  const rows: Row[] = [];
  walk(json, '', rows);
  const table = rows.map((r) => `| \`${r.key}\` | ${r.type} | ${r.default} | ${r.description} |`).join('\n');
  const env = Object.entries(envShorthands)
    .map(([name, keys]) => `| \`${name}\` | ${keys.map((k) => `\`${k}\``).join(', ')} |`)
    .join('\n');
  return `# Configuration reference

<!-- Generated from src/config/schema.ts and the components' schemas by \`npm run docs\`; do not edit by hand. -->

Yagura runs with no configuration file at all: every key below has a default. To change something, write
a YAML file with just the keys you need and pass it with \`--config FILE\` (or \`YAGURA_CONFIG=FILE\`); a
\`yagura.yaml\` in the working directory is read when no file is named. Environment variables override the
file. Every value is validated at start-up, and an error names the bad key and where it came from.

\`\`\`yaml
# yagura.yaml: an example
dataDir: /var/lib/yagura
tenants:
  - id: acme
    name: ACME Corp
    timeZone: Asia/Tokyo
    sources: [192.0.2.0/24]
inputs:
  syslog:
    tenant: acme
store:
  retention:
    maxAgeDays: 90
\`\`\`

## Keys

| key | type | default | description |
| --- | --- | --- | --- |
${table}

## Environment variables

| variable | sets |
| --- | --- |
${env}

Any other key can be set as \`YAGURA__\` followed by its path with \`__\` between the parts, in upper case with
\`_\` for camel-case humps: \`YAGURA__QUEUE__CAPACITY=50000\` sets \`queue.capacity\`,
\`YAGURA__INPUTS__SYSLOG__MAX_MESSAGE_SIZE=131072\` sets \`inputs.syslog.maxMessageSize\`. Values are read
as numbers, booleans or JSON when they look like one, else as text.
`;
}

function walk(node: JsonSchemaNode, prefix: string, rows: Row[]): void {
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const key = prefix ? `${prefix}.${name}` : name;
    const resolved = child.anyOf?.find((c) => c.type !== 'null') ?? child;
    const isObject = resolved.type === 'object' && resolved.properties;
    const isObjectArray = resolved.type === 'array' && resolved.items?.properties;
    rows.push({
      key: isObjectArray ? `${key}[]` : key,
      type: typeName(resolved),
      default: isObject ? '' : child.default === undefined ? '' : `\`${JSON.stringify(child.default)}\``,
      description: (child.description ?? resolved.description ?? '').replace(/\|/g, '\\|'),
    });
    if (isObject) walk(resolved, key, rows);
    if (isObjectArray) walk(resolved.items!, `${key}[]`, rows);
  }
}

function typeName(node: JsonSchemaNode): string {
  if (node.enum) return node.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (node.type === 'array') return `list of ${node.items ? typeName(node.items) : 'any'}`;
  if (Array.isArray(node.type)) return node.type.join(' \\| ');
  if (node.anyOf) return node.anyOf.map(typeName).join(' \\| ');
  return node.type ?? 'any';
}
