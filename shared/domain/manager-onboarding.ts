// Manager onboarding: what a registration holds (the POST /managers contract and the public form),
// and the vetting deadlines of the programme office.
import * as z from 'zod';
import { managerSchema } from './manager.ts';

/** The registration: the manager's profile as they declare it, and their privacy consent. */
export const managerRegistrationSchema = managerSchema
  .pick({
    name: true,
    email: true,
    phone: true,
    languages: true,
    atecoSections: true,
    competences: true,
    provinces: true,
    capacity: true,
    cv: true,
  })
  .extend({
    atecoDivisions: managerSchema.shape.atecoDivisions.default([]),
    conflicts: managerSchema.shape.conflicts.default([]),
    consent: z.strictObject({ privacy: z.literal(true, { message: 'validation.consent' }) }),
  })
  .strict();
export type ManagerRegistration = z.output<typeof managerRegistrationSchema>;

/** The programme office has three days before a reminder, a week in all, to vet a manager. */
export const vettingTimeouts = { reminderHours: 72, expiryHours: 168 } as const;

/** Availability a manager may change through their personal link. */
export const managerAvailabilitySchema = z.strictObject({
  capacity: z.number().int().min(0).max(100),
  status: z.enum(['active', 'inactive']),
});
