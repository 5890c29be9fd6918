import type { TemplatePurpose } from '../../../contracts/relationships';

export type TemplateVariables = Record<'firstName' | 'lastTopic' | 'daysSince' | 'eventName', string>;

/** The templates Rapport ships; a template of your own for the same purpose takes precedence. */
export const builtInTemplates: Record<TemplatePurpose, { name: string; body: string }> = {
  follow_up: {
    name: 'Follow-up',
    body: 'Hi {{firstName}}, it was great talking about {{lastTopic}}. I wanted to follow up: is there anything I can help with or send your way?',
  },
  thank_you: {
    name: 'Thank you',
    body: 'Hi {{firstName}}, thank you for your time and for {{lastTopic}}. It really helped, and I appreciate it.',
  },
  congratulations: {
    name: 'Congratulations',
    body: 'Hi {{firstName}}, congratulations on {{eventName}}! Well deserved. I would love to hear how it is going.',
  },
  reconnect: {
    name: 'Reconnect',
    body: 'Hi {{firstName}}, it has been {{daysSince}} days since we last talked about {{lastTopic}}. How are things on your side? Would you be up for a quick call?',
  },
};

export const builtInId = (purpose: TemplatePurpose) => `builtin:${purpose}`;

/** Replaces {{variable}} (spaces allowed inside the braces); unknown names are left as they are. */
export function renderTemplate(body: string, variables: TemplateVariables): string {
  return body.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => (name in variables ? variables[name as keyof TemplateVariables] : match));
}
