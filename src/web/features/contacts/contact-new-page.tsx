import { Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useCreateContact } from '../../api/hooks';
import { ContactForm } from './contact-form';

export default function ContactNewPage() {
  const create = useCreateContact();
  const navigate = useNavigate();
  return (
    <Stack maw={860}>
      <Title order={1}>New contact</Title>
      <Paper withBorder p="md">
        <ContactForm
          submitLabel="Add contact"
          onCancel={() => navigate(-1)}
          onSubmit={async (input) => {
            const contact = await create.mutateAsync(input);
            notifications.show({ message: `${contact.name} added`, color: 'green' });
            navigate(`/contacts/${contact.id}`, { replace: true });
          }}
        />
      </Paper>
    </Stack>
  );
}
