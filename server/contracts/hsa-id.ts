import { z } from 'zod';

/**
 * HSA-id: the Swedish health-staff and care-unit identity (Inera's HSA
 * catalogue), "SE" + the issuing organisation's 10-digit number + "-" + up to
 * 31 letters or digits, e.g. SE2321000016-1234. Stored upper-case so the same
 * person is one identifier in every export.
 */
export const HSA_ID_PATTERN = /^SE\d{10}-[A-Z0-9]{1,31}$/;
/** OID of the HSA-id namespace: a FHIR identifier's system for an HSA-id. */
export const HSA_ID_SYSTEM = 'urn:oid:1.2.752.29.4.19';

export const HsaIdSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(HSA_ID_PATTERN, 'HSA-id skrivs SE, tio siffror, bindestreck och upp till 31 tecken, t.ex. SE2321000016-1234'));

/** Empty input clears the field: a form sends '' when the admin removes an HSA-id. */
export const OptionalHsaIdSchema = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), HsaIdSchema.nullable().optional());
