import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGrounding } from '../../../evals/metrics/grounding/checker';
import { splitSentences } from '../../../evals/metrics/grounding/text';
import type { TranscriptSegment } from '../../../server/contracts/transcript';
import type { WorkflowSpec } from '../../../server/contracts/workflow';
import { flagSentences } from '../../../server/pipeline/draft/flags';

/**
 * The review screen flags a draft sentence by sentence; the evaluation checks
 * whole notes with their headings. Both must raise the same flags, or the
 * figures reported for the checker are not the ones clinicians meet. Run on
 * every note of the development cases (references and seeded drafts).
 */
const DEV = path.resolve(import.meta.dirname, '../../../evals/fixtures/grounding-sv/dev');
const WORKFLOW = { language: 'sv', vocabulary: { drugs: [] } } as unknown as WorkflowSpec;

interface Case {
  transcript: string[];
  reference: string[];
  drafts: { note: string[] }[];
}

const key = (f: { kind: string; severity: string; span: string }) => `${f.kind}/${f.severity}/${f.span}`;

describe('draft flags with section headings', () => {
  it('equal the evaluation\'s flags on whole notes, and differ without the headings', () => {
    let notes = 0;
    let flagged = 0;
    let changedWithoutHeadings = 0;
    for (const file of fs.readdirSync(DEV).filter((f) => f.endsWith('.json'))) {
      const data = JSON.parse(fs.readFileSync(path.join(DEV, file), 'utf8')) as Case;
      const segments = data.transcript.map((text, i) => ({ id: `s${i}`, text, start: i, end: i + 1, speaker: null }) as unknown as TranscriptSegment);
      for (const lines of [data.reference, ...data.drafts.map((d) => d.note)]) {
        const texts: string[] = [];
        const headings: string[] = [];
        for (const line of lines) {
          const colon = line.indexOf(':');
          const heading = line.slice(0, colon);
          const body = line.slice(colon + 1).trim();
          for (const s of splitSentences(body)) {
            texts.push(s.text);
            headings.push(heading);
          }
        }
        // The whole note as the evaluation reads it: one line per heading, "Status: …".
        const note = lines.join('\n');
        const whole = checkGrounding({ transcript: segments.map((s) => ({ id: s.id, text: s.text })), note, language: 'sv' }).flags.map(key).sort();
        const bySentence = flagSentences(texts, segments, WORKFLOW, headings).flat().map(key).sort();
        expect(bySentence, file).toEqual(whole);
        const bare = flagSentences(texts, segments, WORKFLOW).flat().map(key).sort();
        if (bare.join('|') !== whole.join('|')) changedWithoutHeadings++;
        notes++;
        flagged += whole.length;
      }
    }
    console.log(`[draft flags] ${notes} notes, ${flagged} flags, the same sentence by sentence as on the whole note; without headings ${changedWithoutHeadings} notes would have been flagged differently`);
    expect(notes).toBeGreaterThan(40);
  });
});
