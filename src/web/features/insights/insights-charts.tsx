import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { InsightsDto } from '../../../contracts';
import { circleLabels, formatDate, kindLabels } from '../../ui/format';

// recharts and @mantine/charts live in this module only, which the Insights page loads on demand.

const palette = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.6', 'yellow.6', 'pink.6', 'lime.6', 'blue.6', 'red.6', 'violet.6', 'gray.6'];
const bands = ['0–19', '20–39', '40–59', '60–79', '80–100'] as const;
const bandColors = ['gray.5', 'orange.5', 'yellow.5', 'teal.5', 'indigo.6'];
const shortDate = (day: string) => formatDate(day).replace(/,? \d{4}$/, '');

export function InteractionsChart({ insights }: { insights: InsightsDto }) {
  const data = insights.interactionsPerWeek.map((w) => ({ week: shortDate(w.weekStart), ...w.byKind }));
  const series = insights.kinds.map((kind, i) => ({ name: kind, label: (kindLabels as Record<string, string>)[kind] ?? kind, color: palette[i % palette.length]! }));
  return (
    <BarChart h={280} data={data} dataKey="week" type="stacked" series={series} withLegend legendProps={{ verticalAlign: 'bottom' }} tickLine="y" aria-label="Interactions per week by kind" />
  );
}

export function StrengthChart({ insights }: { insights: InsightsDto }) {
  const data = insights.circles.map((c) => ({
    circle: c.circle === 'none' ? 'No circle' : (circleLabels[c.circle] ?? c.circle),
    ...Object.fromEntries(bands.map((b, i) => [b, c.buckets[i] ?? 0])),
  }));
  return (
    <BarChart
      h={260}
      data={data}
      dataKey="circle"
      type="stacked"
      orientation="vertical"
      yAxisProps={{ width: 110 }}
      series={bands.map((b, i) => ({ name: b, label: `Strength ${b}`, color: bandColors[i]! }))}
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      aria-label="Strength distribution by circle"
    />
  );
}

export function GoalStreakCharts({ insights }: { insights: InsightsDto }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
      {insights.goalStreaks.map((g) => (
        <Card withBorder key={g.metric}>
          <Text fw={600}>{g.label}</Text>
          <Text size="sm" c="dimmed">
            Streak: {g.streak} week{g.streak === 1 ? '' : 's'} · target {g.target} a week
          </Text>
          <BarChart
            h={140}
            mt="sm"
            data={g.history.map((w) => ({ week: shortDate(w.weekStart), count: w.count }))}
            dataKey="week"
            series={[{ name: 'count', label: g.label, color: 'teal.6' }]}
            referenceLines={[{ y: g.target, label: 'target', color: 'orange.6' }]}
            withXAxis={false}
            aria-label={`${g.label} per week`}
          />
        </Card>
      ))}
    </SimpleGrid>
  );
}

export default function InsightsCharts({ insights }: { insights: InsightsDto }) {
  return (
    <Stack gap="lg">
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          Interactions per week
        </Title>
        <InteractionsChart insights={insights} />
      </Card>
      {insights.circles.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            Strength by circle
          </Title>
          <StrengthChart insights={insights} />
        </Card>
      )}
      {insights.goalStreaks.length > 0 && (
        <div>
          <Title order={2} size="h4" mb="sm">
            Goal streaks
          </Title>
          <GoalStreakCharts insights={insights} />
        </div>
      )}
    </Stack>
  );
}
