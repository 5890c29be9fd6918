import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
export const tagRoutes: FastifyPluginAsyncZod = async () => {};
