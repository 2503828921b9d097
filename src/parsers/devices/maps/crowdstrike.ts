// CrowdStrike Falcon streaming API data for the crowdstrike normalizer: renames and ECS moves, as Elastic maps them.
import { dict } from '../endpoint-common.js';

/** EppDetectionSummaryEvent names to the DetectionSummaryEvent names the rest of the mapping uses. */
export const EPP_RENAMES: Readonly<Record<string, string>> = {
  GrandParentCommandLine: 'GrandparentCommandLine',
  GrandParentImageFileName: 'GrandparentImageFileName',
  GrandParentImageFilePath: 'GrandparentImageFilePath',
  Hostname: 'ComputerName',
  LogonDomain: 'MachineDomain',
  AgentId: 'SensorId',
  Name: 'DetectName',
};

/** Detection summary fields that move out of crowdstrike.event into ECS as they are. */
export const DETECTION_MOVES: Readonly<Record<string, string>> = {
  PatternDispositionDescription: 'event.action',
  FalconHostLink: 'event.reference',
  MachineDomain: 'host.domain',
  ComputerName: 'host.name',
  SHA256String: 'file.hash.sha256',
  MD5String: 'file.hash.md5',
  SHA1String: 'file.hash.sha1',
  FilePath: 'file.path',
  DetectName: 'rule.name',
  DetectId: 'rule.id',
};

/** SeverityName to ECS event.severity, on Elastic's 0-100 scale for Falcon. */
export const SEVERITIES: Readonly<Record<string, number>> = dict({
  informational: 21,
  info: 21,
  low: 21,
  medium: 47,
  high: 73,
  critical: 99,
});

/** Values Falcon writes for "nothing"; such fields are dropped from crowdstrike.event. */
export const EMPTY_VALUES: ReadonlySet<unknown> = new Set([null, '', '-', 'N/A', 'NA', 0]);

/** The event types whose payload is a detection summary (the Falcon SIEM connector's main alert). */
export const DETECTION_TYPES: ReadonlySet<string> = new Set([
  'DetectionSummaryEvent',
  'EppDetectionSummaryEvent',
  'EPPDetectionSummaryEvent',
]);
