// The `cidr` modifier: the field must be an address inside one of the IPv4 or IPv6 networks.
import { parseCidr } from '../../../search/cidr.js';
import { plainText } from '../value.js';
import { misuse, onlyPatterns } from './errors.js';
import type { Modifier, SigmaValue } from './types.js';

export const cidr: Modifier = (values, ctx) => {
  if (ctx.before.length > 0) throw misuse(ctx, 'must be the first modifier');
  return onlyPatterns(values, ctx).map((v): SigmaValue => {
    const text = plainText(v.pattern) ?? '';
    const network = parseCidr(text);
    if (!network) throw misuse(ctx, `"${text}" is not an IPv4 or IPv6 network`);
    return { type: 'cidr', cidr: network, text };
  });
};
