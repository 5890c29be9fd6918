import { DateTime } from 'luxon';
import { templatePurposes, type TemplateCreateInput, type TemplateDto, type TemplatePreviewDto, type TemplatePreviewRequestInput, type TemplatePurpose, type TemplateUpdateInput } from '../../../contracts/relationships';
import { dateIn, nowIso, todayIn } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { invalid, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { findContact } from '../contacts/contacts.repository';
import { timeline } from '../interactions/interactions.repository';
import * as repo from './templates.repository';
import { builtInId, builtInTemplates, renderTemplate, type TemplateVariables } from './templates.render';

export function toTemplateDto(row: repo.TemplateRow): TemplateDto {
  return { id: row.id, purpose: row.purpose as TemplatePurpose, name: row.name, body: row.body, builtIn: false, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** A summary read in the middle of a sentence: "Quick check-in" -> "quick check-in" (not "COBOL", "RemoteConf"). */
export function asTopic(summary: string): string {
  const first = summary.split(/\s/)[0] ?? '';
  return /^\p{Lu}\p{Ll}+$/u.test(first) ? summary[0]!.toLowerCase() + summary.slice(1) : summary;
}

const builtInDto = (purpose: TemplatePurpose): TemplateDto => ({ id: builtInId(purpose), purpose, ...builtInTemplates[purpose], builtIn: true, createdAt: null, updatedAt: null });

/** Message templates: the shipped defaults plus your own, rendered for a contact. */
export function templateService(deps: Deps) {
  const { database, clock } = deps;
  const { db } = database;

  async function get(actor: Actor, id: string): Promise<TemplateDto> {
    const row = await repo.findTemplate(db, actor.userId, id);
    if (!row) throw notFound('Template');
    return toTemplateDto(row);
  }

  /** The variables for a contact: first name, last topic, days since the last interaction, the event. */
  async function variablesFor(actor: Actor, contactId: string, eventName?: string): Promise<TemplateVariables> {
    const contact = await findContact(db, actor.userId, contactId);
    if (!contact) throw notFound('Contact');
    const [last] = await timeline(db, actor.userId, contactId, 1);
    const today = todayIn(clock, actor.timezone);
    const days = last ? DateTime.fromISO(today).diff(DateTime.fromISO(dateIn(last.occurred_at, actor.timezone)), 'days').days : null;
    return {
      firstName: contact.given_name ?? contact.name.split(/\s+/)[0] ?? contact.name,
      lastTopic: last ? asTopic(last.summary) : 'our last conversation',
      daysSince: days === null ? 'many' : String(Math.max(0, Math.round(days))),
      eventName: eventName ?? 'your news',
    };
  }

  return {
    get,

    async list(actor: Actor): Promise<{ items: TemplateDto[] }> {
      const own = (await repo.listTemplates(db, actor.userId)).map(toTemplateDto);
      return { items: [...templatePurposes.map(builtInDto), ...own] };
    },

    async create(actor: Actor, input: TemplateCreateInput): Promise<TemplateDto> {
      const now = nowIso(clock);
      const id = newId();
      await repo.insertTemplate(db, { id, owner_id: actor.userId, purpose: input.purpose, name: input.name, body: input.body, created_at: now, updated_at: now });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: TemplateUpdateInput): Promise<TemplateDto> {
      await db.transaction().execute(async (trx) => {
        if (!(await repo.findTemplate(trx, actor.userId, id))) throw notFound('Template');
        await repo.updateTemplate(trx, actor.userId, id, { ...input, updated_at: nowIso(clock) });
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      if (!(await repo.findTemplate(db, actor.userId, id))) throw notFound('Template');
      await repo.deleteTemplate(db, actor.userId, id);
    },

    /** Renders a template for a contact: the one named, else your newest for the purpose, else the shipped one. */
    async preview(actor: Actor, input: TemplatePreviewRequestInput): Promise<TemplatePreviewDto> {
      let template: { id: string; purpose: TemplatePurpose; body: string };
      if (input.templateId?.startsWith('builtin:')) {
        const purpose = input.templateId.slice('builtin:'.length) as TemplatePurpose;
        if (!templatePurposes.includes(purpose)) throw notFound('Template');
        template = { id: input.templateId, purpose, body: builtInTemplates[purpose].body };
      } else if (input.templateId) {
        const row = await repo.findTemplate(db, actor.userId, input.templateId);
        if (!row) throw notFound('Template');
        template = { id: row.id, purpose: row.purpose as TemplatePurpose, body: row.body };
      } else {
        if (!input.purpose) throw invalid('purpose', 'is needed when no templateId is given');
        const row = await repo.newestForPurpose(db, actor.userId, input.purpose);
        template = row
          ? { id: row.id, purpose: input.purpose, body: row.body }
          : { id: builtInId(input.purpose), purpose: input.purpose, body: builtInTemplates[input.purpose].body };
      }
      const variables = await variablesFor(actor, input.contactId, input.eventName);
      return { templateId: template.id, purpose: template.purpose, text: renderTemplate(template.body, variables), variables };
    },
  };
}

export type TemplateService = ReturnType<typeof templateService>;
