import type { FastifyInstance } from 'fastify';

/**
 * Answers leave once per turn of the event loop: a response is written in the turn's check phase
 * (setImmediate) instead of the moment its handler finishes, so the answers to all the requests that
 * arrived together are written back to back after all of them have been handled.
 *
 * Why: on loopback, which is how a reverse proxy on the same host (or a local client) talks to
 * `rapport serve`, the kernel delivers a write to the receiver inside the sender's `writev` and wakes
 * the receiving process there; on a virtual machine waking a process that sleeps on another CPU costs
 * an inter-processor interrupt. Written one at a time between handlers, every answer woke a client that
 * had gone back to sleep (about 15 % of the server's CPU per request in `_raw_spin_unlock_irqrestore`
 * under `writev`); written together, the first wakes it and the rest find it awake, and its next
 * requests come back together too. Measured on GET /contacts/{id} under load: server CPU per request
 * about 106 → 68 µs, the client's 44 → 27 µs (docs/performance.md, "Responses written once per turn").
 *
 * What it costs: an answer waits for the other requests of its turn to be handled (tens of µs each
 * under load; nothing when a request is alone). Streams (exports, files) start one turn later.
 */
export function batchResponses(app: FastifyInstance): void {
  // Callback style: an async hook costs a promise and a microtask per response.
  app.addHook('onSend', (_request, _reply, payload, done) => {
    setImmediate(done, null, payload);
  });
}
