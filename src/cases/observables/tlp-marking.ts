// The STIX 2.1 marking-definition objects OASIS publishes for the TLP 2.0 labels, one per label of an incident.
import { YaguraError } from '../../core/errors.js';
import type { Tlp } from '../incident-model.js';

/**
 * The TLP 2.0 extension every marking declares itself through. STIX 2.1 itself predefines only TLP 1.0 markings
 * (white, green, amber, red); the TLP 2.0 ones are defined by this extension in OASIS cti-stix-common-objects
 * (extension-definition-specifications/tlp-2.0).
 */
export const TLP_2_0_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

// Fixed by OASIS like the ids: a consumer compares the published objects, so none of this depends on the export.
const TLP_2_0_CREATED = '2022-10-01T00:00:00.000Z';

const MARKING_IDS: Readonly<Record<Tlp, string>> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

export interface TlpMarkingDefinition {
  type: 'marking-definition';
  spec_version: '2.1';
  id: string;
  created: string;
  name: string;
  extensions: Record<string, { extension_type: 'property-extension'; tlp_2_0: Tlp }>;
}

/** The published marking-definition id of a TLP 2.0 label. */
export function tlpMarkingId(tlp: Tlp): string {
  // A label read from elsewhere (a stored row, a request) may be no TLP 2.0 label at all.
  if (!Object.hasOwn(MARKING_IDS, tlp)) {
    throw new YaguraError(
      'REQUEST_INVALID',
      `tlp must be one of ${Object.keys(MARKING_IDS).join(', ')}, not "${String(tlp).slice(0, 40)}"`,
    );
  }
  return MARKING_IDS[tlp];
}

/** The published marking-definition object of a TLP 2.0 label, as OASIS writes it (it has no `modified`). */
export function tlpMarkingDefinition(tlp: Tlp): TlpMarkingDefinition {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: tlpMarkingId(tlp),
    created: TLP_2_0_CREATED,
    name: `TLP:${tlp.toUpperCase()}`,
    extensions: { [TLP_2_0_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: tlp } },
  };
}
