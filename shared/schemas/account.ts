import { z } from 'zod';
import { zId, zIsoDateTime } from './common';
import { zLoginMethod } from './auth';
import { zOfficine } from './reference-data';

/** « Visualiser compte »: the officine, who may log in for it, and the last logins. */
export const zAccount = z.object({
  officine: zOfficine,
  pharmacists: z.array(
    z.object({ id: zId, firstName: z.string(), lastName: z.string(), role: z.string(), lastLoginAt: zIsoDateTime.nullable() }),
  ),
  recentLogins: z.array(z.object({ at: zIsoDateTime, method: zLoginMethod, pharmacistId: zId })),
});
export type ZAccount = z.infer<typeof zAccount>;
