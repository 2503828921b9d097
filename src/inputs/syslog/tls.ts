// TLS for the syslog stream listener (RFC 5425): loads the certificate files and builds the node:tls server.
import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';
import { YaguraError } from '../../core/errors.js';
import type { SyslogTlsConfig } from './config.js';

function readPem(path: string, key: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new YaguraError(
      'CONFIG_INVALID',
      `Cannot read the syslog TLS file "${path}" (${key}): ${(error as Error).message}`,
      { location: { key: `tls.${key}`, path } },
      { cause: error },
    );
  }
}

/** Reads the PEM files named in the config and checks that they form a usable server context. */
export function loadTlsOptions(config: SyslogTlsConfig): tls.TlsOptions {
  const options: tls.TlsOptions = {
    cert: readPem(config.cert, 'cert'),
    key: readPem(config.key, 'key'),
    minVersion: 'TLSv1.2',
    requestCert: config.requestClientCert,
    rejectUnauthorized: config.requestClientCert,
  };
  if (config.ca) options.ca = readPem(config.ca, 'ca');
  if (config.requestClientCert && !config.ca) {
    throw new YaguraError(
      'CONFIG_INVALID',
      'Syslog TLS requires client certificates but names no "ca" to check them against.',
      {
        location: { key: 'tls.ca' },
      },
    );
  }
  try {
    tls.createSecureContext(options);
  } catch (error) {
    throw new YaguraError(
      'CONFIG_INVALID',
      `The syslog TLS certificate or key cannot be used: ${(error as Error).message}`,
      { location: { key: 'tls', path: config.cert } },
      { cause: error },
    );
  }
  return options;
}

export function createTlsServer(options: tls.TlsOptions): tls.Server {
  return tls.createServer(options);
}
