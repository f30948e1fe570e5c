import { z } from 'zod';
import { activeMessages } from '../i18n/active.js';
import { ValidationError, reason, renderReason, type Reason } from './errors.js';

const trimmed = z.string().transform((s) => s.trim().replace(/\s+/g, ' '));

/** The marketplace registration form (SPEC §2). One schema for the console form, the flags and the service. */
export const registrationSchema = z.object({
  company: trimmed.pipe(z.string().min(1, 'Company name is required.').max(200, 'Company name is at most 200 characters.')),
  email: trimmed.pipe(
    z.string().min(1, 'Contact email is required.').max(254, 'Contact email is at most 254 characters.').email('Contact email is not an email address (expected name@example.com).'),
  ).transform((s) => s.toLowerCase()),
  contact: trimmed.pipe(z.string().min(1, 'Contact person is required.').max(200, 'Contact person is at most 200 characters.')),
  phone: trimmed
    .pipe(z.string().max(32, 'Phone is at most 32 characters.').regex(/^$|^\+?[0-9 ()-]{5,31}$/, 'Phone may hold digits, spaces, "+", "-" and brackets only (e.g. +7 495 123-45-67).'))
    .optional()
    .transform((s) => (s ? s : undefined)),
  inn: z
    .string()
    .transform((s) => s.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^$|^\d{10,12}$/, 'Company identifier must be 10 to 12 digits (tax id such as INN or VAT number).'))
    .optional()
    .transform((s) => (s ? s : undefined)),
});

export type Registration = z.output<typeof registrationSchema>;
export type RegistrationInput = z.input<typeof registrationSchema>;
export type RegistrationField = keyof RegistrationInput;

/** Why each field is wrong (a catalog id and values), empty when the input is valid. */
export function registrationReasons(input: Partial<Record<RegistrationField, string>>): Partial<Record<RegistrationField, Reason>> {
  const result = registrationSchema.safeParse(input);
  if (result.success) return {};
  const reasons: Partial<Record<RegistrationField, Reason>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as RegistrationField;
    reasons[field] ??= reasonOf(field, issue);
  }
  return reasons;
}

/** The schema's own messages are the service's (English); a person reads the catalog's, by rule. */
function reasonOf(field: RegistrationField, issue: z.ZodIssue): Reason {
  if (issue.code === 'invalid_type' || issue.code === 'too_small') return reason('registration_required', { field });
  if (issue.code === 'too_big') return reason('registration_too_long', { field, max: Number(issue.maximum) });
  if (field === 'email') return reason('registration_email_invalid');
  if (field === 'phone') return reason('registration_phone_invalid');
  if (field === 'inn') return reason('registration_inn_invalid');
  return reason('registration_required', { field });
}

/** Per-field messages for a form, in the language in use; empty when the input is valid. */
export function registrationProblems(input: Partial<Record<RegistrationField, string>>): Partial<Record<RegistrationField, string>> {
  const problems: Partial<Record<RegistrationField, string>> = {};
  for (const [field, why] of Object.entries(registrationReasons(input))) problems[field as RegistrationField] = renderReason(activeMessages(), why).message;
  return problems;
}

/** Validate or throw a ValidationError naming the first bad field. */
export function parseRegistration(input: Partial<Record<RegistrationField, string>>): Registration {
  const result = registrationSchema.safeParse(input);
  if (result.success) return result.data;
  const [field, why] = Object.entries(registrationReasons(input))[0] ?? ['company', reason('registration_required', { field: 'company' })];
  throw new ValidationError(why, field);
}
