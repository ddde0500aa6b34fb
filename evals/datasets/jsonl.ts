/** JSON Lines: one JSON value per non-empty line. Pure. */
import { EvalError } from './errors';

export function parseJsonl(text: string): unknown[] {
  const out: unknown[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim().length === 0) return;
    try {
      out.push(JSON.parse(line));
    } catch {
      // The line itself may hold patient text: report its number only.
      throw new EvalError(`JSONL: line ${index + 1} is not valid JSON`);
    }
  });
  return out;
}
