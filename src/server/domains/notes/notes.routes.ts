import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
export const noteRoutes: FastifyPluginAsyncZod = async () => {};
