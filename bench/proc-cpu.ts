import fs from 'node:fs';

/**
 * CPU seconds (user + system) used so far by a process and all its
 * descendants (a node:cluster primary and its web processes), from /proc.
 * On a shared machine requests/s depend on what else runs; CPU time per
 * request much less, so the API bench prints both. Null where /proc is not
 * there (not Linux).
 */
const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node supports

function stat(pid: number): { ppid: number; cpu: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

export function treeCpuSeconds(root: number): number | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (!s) continue;
    cpu.set(Number(name), s.cpu);
    children.set(s.ppid, [...(children.get(s.ppid) ?? []), Number(name)]);
  }
  if (!cpu.has(root)) return null;
  let total = 0;
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop()!;
    total += cpu.get(pid) ?? 0;
    todo.push(...(children.get(pid) ?? []));
  }
  return total;
}
