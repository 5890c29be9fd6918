import { useState, type FormEvent } from 'react';
import { ActionIcon, Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { TemplatePurpose } from '../../../contracts';
import { fieldErrorsOf } from '../../api/client';
import { ErrorState, LoadingState } from '../../ui/states';
import { useCreateTemplate, useDeleteTemplate, useTemplates } from '../today/hooks';

export const purposeLabels: Record<TemplatePurpose, string> = {
  follow_up: 'Follow-up',
  thank_you: 'Thank you',
  congratulations: 'Congratulations',
  reconnect: 'Reconnect',
};

/** Settings: message templates (the shipped ones and your own, which take precedence). */
export function TemplatesSection() {
  const templates = useTemplates();
  const create = useCreateTemplate();
  const remove = useDeleteTemplate();
  const [purpose, setPurpose] = useState<TemplatePurpose>('follow_up');
  const [name, setName] = useState('');
  const [body, setBody] = useState('');
  const errors = fieldErrorsOf(create.error);

  function add(event: FormEvent) {
    event.preventDefault();
    create.mutate({ purpose, name: name.trim(), body }, { onSuccess: () => (setName(''), setBody('')) });
  }

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          Message templates
        </Title>
        <Text size="sm" c="dimmed">
          Drafts on the Today agenda use your newest template for the purpose, else the shipped one. Variables: {'{{firstName}}'}, {'{{lastTopic}}'}, {'{{daysSince}}'},{' '}
          {'{{eventName}}'}.
        </Text>
        {templates.isPending ? (
          <LoadingState rows={2} />
        ) : templates.isError ? (
          <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {templates.data.items.map((t) => (
              <Group key={t.id} component="li" justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Group gap={6}>
                    <Text size="sm" fw={500}>
                      {t.name}
                    </Text>
                    <Badge size="xs" variant="light">
                      {purposeLabels[t.purpose]}
                    </Badge>
                    {t.builtIn && (
                      <Badge size="xs" variant="outline" color="gray">
                        shipped
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t.body}
                  </Text>
                </div>
                {!t.builtIn && (
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete template ${t.name}`} onClick={() => remove.mutate(t.id)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
        )}
        <form onSubmit={add} aria-label="Add a template">
          <Stack gap="xs">
            <Group grow>
              <NativeSelect label="Purpose" value={purpose} onChange={(e) => setPurpose(e.currentTarget.value as TemplatePurpose)} data={(Object.keys(purposeLabels) as TemplatePurpose[]).map((p) => ({ value: p, label: purposeLabels[p] }))} />
              <TextInput label="Template name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
            </Group>
            <Textarea label="Text" required autosize minRows={2} placeholder="Hi {{firstName}}, …" value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errors.body} />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={create.isPending}>
                Add template
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
