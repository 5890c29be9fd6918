import { Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import type { ContactDto, StrengthDto } from '../../../contracts';

const trendColors: Record<StrengthDto['trend'], string> = { rising: 'green', steady: 'gray', fading: 'orange' };
const bandColors: Record<StrengthDto['band'], string> = { inner: 'indigo', close: 'blue', friendly: 'teal', acquainted: 'gray', dormant: 'red' };

/** The relationship strength with its reasons in words, most telling first. */
export function StrengthCard({ contact }: { contact: ContactDto }) {
  const strength = contact.strength as StrengthDto | undefined;
  if (!strength) return null;
  return (
    <Card withBorder mt="md" aria-labelledby="strength-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="strength-title">
          Relationship strength
        </Title>
        <Group gap={4}>
          <Badge variant="light" color={bandColors[strength.band]}>
            {strength.band}
          </Badge>
          <Badge variant="outline" color={trendColors[strength.trend]}>
            {strength.trend}
          </Badge>
        </Group>
      </Group>
      <Group gap="sm" align="center" mb="sm">
        <Text fz={28} fw={700} lh={1} aria-label={`Strength ${strength.score} of 100`}>
          {strength.score}
        </Text>
        <Progress value={strength.score} color={bandColors[strength.band]} style={{ flex: 1 }} aria-hidden />
      </Group>
      <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Why">
        {strength.reasons.map((r) => (
          <Group key={r.factor} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm">{r.text}</Text>
            {r.max > 0 && (
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                {Math.round(r.points)}/{r.max}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
