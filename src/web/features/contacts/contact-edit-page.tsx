import { Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useContact, useUpdateContact } from '../../api/hooks';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/states';
import { ContactForm } from './contact-form';

export default function ContactEditPage() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  const update = useUpdateContact(id);
  const navigate = useNavigate();
  if (contact.isPending) return <LoadingState />;
  if (contact.isError) return contact.error instanceof ApiError && (contact.error.status === 404 || contact.error.status === 400) ? <NotFoundState what="contact" /> : <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />;
  return (
    <Stack maw={860}>
      <Title order={1}>Edit {contact.data.name}</Title>
      <Paper withBorder p="md">
        <ContactForm
          contact={contact.data}
          submitLabel="Save changes"
          onCancel={() => navigate(`/contacts/${id}`)}
          onSubmit={async (input) => {
            await update.mutateAsync(input);
            notifications.show({ message: 'Changes saved', color: 'green' });
            navigate(`/contacts/${id}`, { replace: true });
          }}
        />
      </Paper>
    </Stack>
  );
}
