/**
 * Which workflow settings each drafting engine uses, as the studio tells a
 * working group (client WorkflowEditor) and the extractive drafter
 * implements (server/pipeline/draft/extractive-settings.ts).
 */

/** The style hints the extractive engine (no model) reads: sentence counts only. */
export const STYLE_HINTS_HONOURED = ['en mening', 'högst N meningar', 'kort (högst två meningar)'] as const;
