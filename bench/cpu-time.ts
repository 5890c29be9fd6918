import { readFileSync } from 'node:fs';

/** CPU seconds the main thread has used (Linux /proc; undefined elsewhere). */
export function mainThreadCpuSeconds(): number | undefined {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
