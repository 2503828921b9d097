// Undoes the defanging reports apply to indicators so nobody clicks them: hxxp://evil[.]example -> http://evil.example.

const SCHEMES: ReadonlyArray<[RegExp, string]> = [
  [/^h(?:xx|\*\*)p(s?)(?=:)/i, 'http'],
  [/^fxp(s?)(?=:)/i, 'ftp'],
];

const PARTS: ReadonlyArray<[RegExp, string]> = [
  [/\[:\/\/\]/g, '://'],
  [/\[:\]/g, ':'],
  [/[[({]\s*(?:\.|dot)\s*[\])}]/gi, '.'],
  [/\\\./g, '.'],
  [/[[({]\s*(?:@|at)\s*[\])}]/gi, '@'],
  [/\[\/\]/g, '/'],
];

/** The live form of a defanged value; a value that was never defanged comes back unchanged. */
export function refang(value: string): string {
  let s = value.trim();
  // Most values carry none of these marks: skip the replacements for them.
  if (!/[[({\\]|^[hf][x*]/i.test(s)) return s;
  for (const [re, to] of PARTS) s = s.replace(re, to);
  for (const [re, to] of SCHEMES) s = s.replace(re, (_, secure: string) => to + secure.toLowerCase());
  return s;
}
