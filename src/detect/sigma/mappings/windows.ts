// Windows: rules name the event's own data (Image, CommandLine, TargetUserName). Those values are kept verbatim under
// winlog.event_data.* by the Windows normalizer, so they come first; ECS fields serve events from other sources.
import type { FieldMapping } from './types.js';

export const windows: FieldMapping[] = [
  {
    logsource: { product: 'windows' },
    prefixes: ['winlog.event_data.', 'winlog.'],
    fields: {
      EventID: ['winlog.event_id', 'event.code'],
      Channel: ['winlog.channel'],
      Provider_Name: ['winlog.provider_name'],
      Computer: ['winlog.computer_name', 'host.name'],
    },
  },
  {
    logsource: { product: 'windows', category: 'process_creation' },
    fields: {
      // Security 4688 names them NewProcessName / ParentProcessName.
      Image: ['winlog.event_data.Image', 'winlog.event_data.NewProcessName', 'process.executable'],
      ParentImage: [
        'winlog.event_data.ParentImage',
        'winlog.event_data.ParentProcessName',
        'process.parent.executable',
      ],
      CommandLine: ['winlog.event_data.CommandLine', 'process.command_line'],
      ParentCommandLine: ['winlog.event_data.ParentCommandLine', 'process.parent.command_line'],
      OriginalFileName: ['winlog.event_data.OriginalFileName', 'process.pe.original_file_name'],
      User: ['winlog.event_data.User', 'user.name'],
      ProcessId: ['winlog.event_data.ProcessId', 'winlog.event_data.NewProcessId', 'process.pid'],
      Hashes: ['winlog.event_data.Hashes'],
    },
  },
  {
    logsource: { product: 'windows', category: 'network_connection' },
    fields: {
      Image: ['winlog.event_data.Image', 'process.executable'],
      DestinationIp: ['winlog.event_data.DestinationIp', 'destination.ip'],
      DestinationPort: ['winlog.event_data.DestinationPort', 'destination.port'],
      DestinationHostname: ['winlog.event_data.DestinationHostname', 'destination.domain'],
      SourceIp: ['winlog.event_data.SourceIp', 'source.ip'],
      SourcePort: ['winlog.event_data.SourcePort', 'source.port'],
      Initiated: ['winlog.event_data.Initiated'],
    },
  },
  {
    logsource: { product: 'windows', category: 'file_event' },
    fields: {
      Image: ['winlog.event_data.Image', 'process.executable'],
      TargetFilename: ['winlog.event_data.TargetFilename', 'file.path'],
    },
  },
  {
    logsource: { product: 'windows', category: 'dns_query' },
    fields: {
      Image: ['winlog.event_data.Image', 'process.executable'],
      QueryName: ['winlog.event_data.QueryName', 'dns.question.name'],
    },
  },
];
