import { useState, type FormEvent } from 'react';
import { ActionIcon, Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconPencil, IconTrash, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { chatPurposes, type ChatPurpose, type ChatQuestionDto } from '../../../contracts';
import { fieldErrorsOf } from '../../api/client';
import { ErrorState, LoadingState } from '../../ui/states';
import { useAddQuestion, useQuestions, useRemoveQuestion, useUpdateQuestion } from './hooks';
import { purposeLabels } from './labels';

function QuestionRow({ question }: { question: ChatQuestionDto }) {
  const update = useUpdateQuestion();
  const remove = useRemoveQuestion();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(question.text);
  const [error, setError] = useState<string>();
  if (editing)
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ id: question.id, text }, { onSuccess: () => setEditing(false), onError: (err) => setError(fieldErrorsOf(err).text ?? err.message) });
        }}
      >
        <Group gap={4} wrap="nowrap" align="flex-start">
          <TextInput aria-label="Question" value={text} onChange={(e) => setText(e.currentTarget.value)} error={error} style={{ flex: 1 }} size="xs" autoFocus />
          <ActionIcon type="submit" variant="light" aria-label="Save question" loading={update.isPending}>
            <IconCheck size={14} />
          </ActionIcon>
          <ActionIcon variant="subtle" color="gray" aria-label="Cancel" onClick={() => setEditing(false)}>
            <IconX size={14} />
          </ActionIcon>
        </Group>
      </form>
    );
  return (
    <Group gap={4} wrap="nowrap" justify="space-between">
      <Text size="sm">{question.text}</Text>
      <Group gap={2} wrap="nowrap">
        <Tooltip label="Edit">
          <ActionIcon variant="subtle" color="gray" aria-label={`Edit “${question.text}”`} onClick={() => setEditing(true)}>
            <IconPencil size={14} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Remove">
          <ActionIcon variant="subtle" color="gray" aria-label={`Remove “${question.text}”`} onClick={() => remove.mutate(question.id)}>
            <IconTrash size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}

export default function QuestionsPage() {
  const bank = useQuestions();
  const add = useAddQuestion();
  const [purpose, setPurpose] = useState<ChatPurpose>('career_path');
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return setError('Write the question');
    add.mutate({ purpose, text: text.trim() }, { onSuccess: () => (setText(''), setError(undefined)), onError: (e) => setError(fieldErrorsOf(e).text ?? e.message) });
  }

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/chats" size="sm">
        ← Coffee chats
      </Anchor>
      <div>
        <Title order={1}>Question bank</Title>
        <Text c="dimmed">Good questions, grouped by what you want to learn. Pick from them when you prepare a chat; make them your own.</Text>
      </div>
      <Card withBorder>
        <form onSubmit={submit} aria-label="Add a question">
          <Group align="flex-start" gap="xs">
            <Select label="Purpose" data={chatPurposes.map((p) => ({ value: p, label: purposeLabels[p] }))} value={purpose} onChange={(v) => v && setPurpose(v as ChatPurpose)} allowDeselect={false} w={160} />
            <TextInput label="Question" value={text} onChange={(e) => setText(e.currentTarget.value)} error={error} style={{ flex: 1 }} placeholder="What would you tell your younger self?" />
            <Button type="submit" mt={25} loading={add.isPending}>
              Add question
            </Button>
          </Group>
        </form>
      </Card>
      {bank.isPending ? (
        <LoadingState rows={4} />
      ) : bank.isError ? (
        <ErrorState error={bank.error} onRetry={() => void bank.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {chatPurposes.map((p) => {
            const items = bank.data.items.filter((q) => q.purpose === p);
            return (
              <Card key={p} withBorder>
                <Title order={2} size="h4" mb="xs">
                  {purposeLabels[p]}
                </Title>
                <Stack gap={6}>
                  {items.length === 0 && (
                    <Text size="sm" c="dimmed">
                      No questions here; add one above.
                    </Text>
                  )}
                  {items.map((q) => (
                    <QuestionRow key={q.id} question={q} />
                  ))}
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}
