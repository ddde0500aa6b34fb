import { z } from 'zod';
import { RoleSchema } from '../roles';
import { CodedRef, Id, Ref } from './common';

/** Answers of /auth (server/modules/auth). */
export const MeSchema = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  mustChangePassword: z.boolean(),
  profession: CodedRef.nullable(),
  careUnit: CodedRef.nullable(),
  groups: z.array(Ref),
});
export type Me = z.infer<typeof MeSchema>;
/** Who is signed in, if anyone: the page's first question, answered 200 either way. */
export const SessionSchema = z.object({ me: MeSchema.nullable() });

export const OidcConfigSchema = z.object({ enabled: z.boolean(), label: z.string() });
