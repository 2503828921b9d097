// Field names a parser builds by concatenation, turned into V8's interned strings once, when they are built.

/**
 * `name` as an interned string. V8 finds a property by the identity of its interned name: a name built with `+`
 * or a template literal is not interned, so every read or write with it first looks it up in V8's string table.
 * Measured on the PAN-OS columns (`panw.panos.` + column): 9 % of their parse. Use it for names built once and
 * used on every line.
 */
export function interned(name: string): string {
  // A property key is interned: reading it back gives V8's copy.
  return Object.keys({ [name]: 0 })[0] as string;
}
