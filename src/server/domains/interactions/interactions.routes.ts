import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
export const interactionRoutes: FastifyPluginAsyncZod = async () => {};
