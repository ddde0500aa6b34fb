import { z } from 'zod';

export const RoleSchema = z.enum(['clinician', 'designer', 'lead', 'admin']);
export type Role = z.infer<typeof RoleSchema>;
export const ALL_ROLES: readonly Role[] = RoleSchema.options;

export const ROLE_LABELS_SV: Record<Role, string> = {
  clinician: 'Kliniker',
  designer: 'Arbetsgrupp (design)',
  lead: 'Projektledare',
  admin: 'Administratör',
};
