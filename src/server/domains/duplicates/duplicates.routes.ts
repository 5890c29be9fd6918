import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem } from '../../../contracts/common';
import { Contact } from '../../../contracts/contacts';
import { DuplicateList, MergeContacts } from '../../../contracts/duplicates';

const errors = { 400: Problem, 401: Problem, 404: Problem };
const tags = ['duplicates'];

export const duplicateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { duplicates, contacts } = app.services;

  app.get(
    '/duplicates',
    {
      schema: {
        tags,
        summary: 'Likely duplicates among your contacts',
        description: 'Groups of contacts sharing an email, phone or profile URL, or with the same name; the contact with the most history first.',
        response: { 200: DuplicateList, ...errors },
      },
    },
    async (request) => duplicates.find(request.actor),
  );
  app.post(
    '/duplicates/merge',
    {
      schema: {
        tags,
        summary: 'Merge contacts into the first',
        description: 'Keeps the first contact, fills in what it lacks from the others, moves their interactions, notes, follow-ups, tags, profiles and everything else onto it, and deletes them. One transaction.',
        body: MergeContacts,
        response: { 200: Contact, ...errors },
      },
    },
    async (request) => contacts.get(request.actor, await duplicates.merge(request.actor, request.body)),
  );
};
