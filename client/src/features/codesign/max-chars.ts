import { WorkflowSectionSchema } from '../../../../server/contracts/workflow';
import { readNumberField, ruleOf, type NumberFieldValue } from '../../format/number-field';

/** "Max tecken": empty is no limit, a whole number within the contract's bounds is the limit, anything else an error. */
const MAX_CHARS_RULE = ruleOf(WorkflowSectionSchema.shape.maxChars.unwrap(), '400');
export const readMaxChars = (text: string): NumberFieldValue => readNumberField(text, MAX_CHARS_RULE);
