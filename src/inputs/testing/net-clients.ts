// Small real-socket clients for input tests: connect, write, wait.
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

export async function connectTcp(port: number, host = '127.0.0.1'): Promise<net.Socket> {
  const socket = net.connect({ port, host });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.setNoDelay(true);
  return socket;
}

/** Writes and waits until the data was handed to the kernel. */
export function write(socket: net.Socket, data: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => socket.write(data, (error) => (error ? reject(error) : resolve())));
}

/** Ends the socket and waits until it is fully closed. */
export function endSocket(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    socket.once('close', () => resolve());
    socket.end();
  });
}

/** Opens a connection, writes every piece, closes it. */
export async function sendTcp(port: number, ...pieces: (string | Buffer)[]): Promise<void> {
  const socket = await connectTcp(port);
  for (const p of pieces) await write(socket, p);
  await endSocket(socket);
}

export async function sendUdp(port: number, ...datagrams: (string | Buffer)[]): Promise<void> {
  const socket = dgram.createSocket('udp4');
  try {
    for (const d of datagrams) {
      await new Promise<void>((resolve, reject) =>
        socket.send(d, port, '127.0.0.1', (e) => (e ? reject(e) : resolve())),
      );
    }
  } finally {
    socket.close();
  }
}

/** An RFC 6587 octet-counted frame. */
export function octetFrame(message: string): string {
  return `${Buffer.byteLength(message)} ${message}`;
}

/** Polls `predicate` every few milliseconds until it holds; rejects after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}
