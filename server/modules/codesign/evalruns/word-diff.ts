/**
 * Word-level difference of two texts for the side-by-side compare view:
 * longest common subsequence over whitespace tokens (punctuation stays on its
 * word, so "feber." and "feber" differ, which a reviewer wants to see).
 * Adjacent tokens with the same operation are merged into one run.
 */
export interface DiffRun {
  op: 'equal' | 'del' | 'ins';
  text: string;
}

const tokens = (text: string) => text.split(/\s+/).filter(Boolean);

export function wordDiff(before: string, after: string): DiffRun[] {
  const a = tokens(before);
  const b = tokens(after);
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..], one flat typed array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const runs: DiffRun[] = [];
  const push = (op: DiffRun['op'], word: string) => {
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.text += ` ${word}`;
    else runs.push({ op, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('equal', a[i]!);
      i++;
      j++;
    } else if (lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!) push('del', a[i++]!);
    else push('ins', b[j++]!);
  }
  while (i < n) push('del', a[i++]!);
  while (j < m) push('ins', b[j++]!);
  return runs;
}
