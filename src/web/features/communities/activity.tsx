import { Group, Stack, Text, Tooltip } from '@mantine/core';
import type { CommunityDto } from '../../../contracts';
import { formatDate } from '../../ui/format';

/** Contributions per week, last 12 weeks, as bars; the goal as a line of colour (met weeks in green). */
export function ActivityBars({ community, height = 48 }: { community: CommunityDto; height?: number }) {
  const max = Math.max(1, community.weeklyGoal ?? 0, ...community.weeks.map((w) => w.count));
  return (
    <Stack gap={2}>
      <Group gap={3} align="flex-end" h={height} role="img" aria-label={`Contributions per week, last 12 weeks: ${community.weeks.map((w) => w.count).join(', ')}`}>
        {community.weeks.map((w) => {
          const met = community.weeklyGoal !== null && w.count >= community.weeklyGoal;
          return (
            <Tooltip key={w.weekStart} label={`Week of ${formatDate(w.weekStart)}: ${w.count}`}>
              <div style={{ width: 12, height: Math.max(2, (w.count / max) * height), borderRadius: 2, background: met ? 'var(--mantine-color-green-6)' : w.count ? 'var(--mantine-color-blue-5)' : 'var(--mantine-color-gray-3)' }} />
            </Tooltip>
          );
        })}
      </Group>
      <Text size="xs" c="dimmed">
        {community.weeklyGoal ? `${community.thisWeek} of ${community.weeklyGoal} this week${community.streak ? ` · ${community.streak}-week streak` : ''}` : `${community.thisWeek} this week`}
      </Text>
    </Stack>
  );
}
