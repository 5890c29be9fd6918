import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, fieldErrorsOf } from '../../api/client';
import { keys } from '../../api/hooks';

function AuthFrame({ title, subtitle, children }: { title: string; subtitle?: string; children: React.ReactNode }) {
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Stack gap="md">
          <Stack gap={4} align="center">
            <img src="/favicon.svg" width={40} height={40} alt="" />
            <Title order={1} size="h2">
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" size="sm" ta="center">
                {subtitle}
              </Text>
            )}
          </Stack>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

/** Sends an auth form, then refreshes "me" and returns to where the person was going; errors stay for the form to show. */
function useAuthSubmit(send: () => Promise<unknown>) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send();
      await client.invalidateQueries({ queryKey: keys.me });
      await client.refetchQueries({ queryKey: keys.me });
      navigate((location.state as { from?: string } | null)?.from ?? '/', { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const fields = fieldErrorsOf(error);
  return { submit, busy, fields, formError: error instanceof ApiError && !Object.keys(fields).length ? error : null };
}

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { submit, busy, fields, formError } = useAuthSubmit(() => api('/api/auth/sign-in/email', { method: 'POST', body: { email, password } }));

  return (
    <AuthFrame title="Sign in to Rapport" subtitle="Your relationships, on your own machine.">
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError.status === 401 ? 'Wrong email or password.' : formError.message}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fields.email} autoFocus />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fields.password} />
          <Button type="submit" loading={busy} fullWidth>
            Sign in
          </Button>
          <Text size="sm" ta="center">
            First time here?{' '}
            <Anchor component={Link} to="/sign-up">
              Create an account
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}

export function SignUpPage() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [searchParams] = useSearchParams();
  const [inviteToken, setInviteToken] = useState(() => searchParams.get('invite') ?? '');
  const { submit, busy, fields, formError } = useAuthSubmit(() => {
    const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return api('/api/auth/sign-up/email', {
      method: 'POST',
      body: { email, password, ...(name.trim() && { name: name.trim() }), ...(timezone && { timezone }), ...(inviteToken.trim() && { inviteToken: inviteToken.trim() }) },
    });
  });

  return (
    <AuthFrame title="Create your account" subtitle="The first account on a new Rapport server is its admin.">
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError.message}
            </Alert>
          )}
          <TextInput label="Name" autoComplete="name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} autoFocus />
          <TextInput label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fields.email} />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fields.password}
          />
          <TextInput
            label="Invitation code"
            description="Only needed when the server's admin invited you"
            value={inviteToken}
            onChange={(e) => setInviteToken(e.currentTarget.value)}
            error={fields.inviteToken}
          />
          <Button type="submit" loading={busy} fullWidth>
            Create account
          </Button>
          <Text size="sm" ta="center">
            Already have an account?{' '}
            <Anchor component={Link} to="/sign-in">
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}
