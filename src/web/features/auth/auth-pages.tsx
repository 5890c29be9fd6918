import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from 'react-router';
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

function useAfterAuth() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  return async () => {
    await client.invalidateQueries({ queryKey: keys.me });
    await client.refetchQueries({ queryKey: keys.me });
    navigate((location.state as { from?: string } | null)?.from ?? '/', { replace: true });
  };
}

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const afterAuth = useAfterAuth();
  const fields = fieldErrorsOf(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('/api/auth/sign-in/email', { method: 'POST', body: { email, password } });
      await afterAuth();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthFrame title="Sign in to Rapport" subtitle="Your relationships, on your own machine.">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error instanceof ApiError && !Object.keys(fields).length && (
            <Alert color="red" role="alert">
              {error.status === 401 ? 'Wrong email or password.' : error.message}
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
  const [inviteToken, setInviteToken] = useState(() => new URLSearchParams(window.location.search).get('invite') ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const afterAuth = useAfterAuth();
  const fields = fieldErrorsOf(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      await api('/api/auth/sign-up/email', {
        method: 'POST',
        body: { email, password, ...(name.trim() && { name: name.trim() }), ...(timezone && { timezone }), ...(inviteToken.trim() && { inviteToken: inviteToken.trim() }) },
      });
      await afterAuth();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthFrame title="Create your account" subtitle="The first account on a new Rapport server is its admin.">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error instanceof ApiError && !Object.keys(fields).length && (
            <Alert color="red" role="alert">
              {error.message}
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
