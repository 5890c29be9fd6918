import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../db/test-helpers';
import { batchResponses } from './response-batching';

async function connected(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  return socket;
}

/** Resolves with the first complete HTTP answer's status line read from `socket`. */
function statusLine(socket: Socket): Promise<string> {
  let text = '';
  return new Promise((resolve, reject) => {
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (text.includes('\r\n\r\n')) resolve(text.slice(0, text.indexOf('\r\n')));
    });
    socket.once('error', reject);
  });
}

/**
 * Sends GET `path` on two connections in the same turn (both requests are in the kernel before the
 * server's next poll, so it reads them in one turn) and returns the order in which the server took
 * each request and finished writing each answer.
 */
async function orderOfTwoRequests(app: FastifyInstance, path: string): Promise<string[]> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const events: string[] = [];
  let n = 0;
  app.server.on('request', (_request, response) => {
    const which = ++n;
    events.push(`request ${which}`);
    response.once('finish', () => events.push(`answer ${which}`));
  });
  const { port } = app.server.address() as AddressInfo;
  const sockets = [await connected(port), await connected(port)];
  try {
    // Let the server accept both connections first.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const answers = sockets.map(statusLine);
    for (const socket of sockets) socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(await Promise.all(answers)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK']);
    return events;
  } finally {
    for (const socket of sockets) socket.destroy();
  }
}

function bareApp(batched: boolean): FastifyInstance {
  const app = Fastify();
  if (batched) batchResponses(app);
  app.get('/hello', async () => ({ hello: 'world' }));
  return app;
}

describe('responses written once per turn', () => {
  it.each([
    ['answers the requests of one turn after all of them were handled', true, ['request 1', 'request 2', 'answer 1', 'answer 2']],
    ['(without it, each answer is written as soon as its request is handled)', false, ['request 1', 'answer 1', 'request 2', 'answer 2']],
  ])('%s', async (_name, batched, order) => {
    const app = bareApp(batched);
    try {
      expect(await orderOfTwoRequests(app, '/hello')).toEqual(order);
    } finally {
      await app.close();
    }
  });

  it('is on in the application', async () => {
    const test = await createTestApp('sqlite');
    try {
      expect(await orderOfTwoRequests(test.app, '/healthz')).toEqual(['request 1', 'request 2', 'answer 1', 'answer 2']);
    } finally {
      await test.close();
    }
  });

  it('keeps each answer whole and with its own request', async () => {
    const app = Fastify();
    batchResponses(app);
    app.get('/echo/:n', async (request) => ({ n: (request.params as { n: string }).n }));
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => app.inject({ method: 'GET', url: `/echo/${i}` })));
      expect(answers.map((a) => [a.statusCode, a.json().n])).toEqual(Array.from({ length: 20 }, (_, i) => [200, String(i)]));
    } finally {
      await app.close();
    }
  });
});
