/**
 * `npx tsx server/cli/training-variants.ts`: the rules behind "Skapa
 * varianter" applied to every shipped test case's reference note, and how
 * many of the variants the grounding checker flags (variant-catch.ts).
 */
import { loadSeedCases } from '../../prompts';
import { variantCatch } from '../modules/training/variant-catch';

const cases = loadSeedCases().filter((c) => c.language === 'sv');
const report = variantCatch(cases);
const pct = (a: number, b: number) => (b === 0 ? '–' : `${Math.round((100 * a) / b)} %`);
console.log(`${report.cases} medföljande svenska testfall, ${report.variants} varianter; ${report.flagsOnReference} flaggor på referensanteckningarna utan planterade fel`);
console.log('regel              varianter  flaggade      flaggade som kritiska');
for (const r of report.rules) console.log(`${r.rule.padEnd(18)} ${String(r.variants).padStart(9)}  ${String(r.caught).padStart(4)} (${pct(r.caught, r.variants).padStart(5)})  ${String(r.caughtCritical).padStart(4)} (${pct(r.caughtCritical, r.variants)})`);
const all = report.rules.reduce((n, r) => n + r.caught, 0);
const spanned = report.rules.filter((r) => r.rule !== 'critical-delete').reduce((n, r) => n + r.variants, 0);
console.log(`alla: ${all} av ${report.variants} (${pct(all, report.variants)}); av de ${spanned} som har ett textställe (borttagningar räknas inte): ${pct(all, spanned)}`);
