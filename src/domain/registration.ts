import { z } from 'zod';
import { ValidationError } from './errors.js';

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

/** Per-field messages for a form, empty when the input is valid. */
export function registrationProblems(input: Partial<Record<RegistrationField, string>>): Partial<Record<RegistrationField, string>> {
  const result = registrationSchema.safeParse(input);
  if (result.success) return {};
  const problems: Partial<Record<RegistrationField, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as RegistrationField;
    const message = issue.code === 'invalid_type' ? `${labelOf(field)} is required.` : issue.message;
    problems[field] ??= message;
  }
  return problems;
}

function labelOf(field: RegistrationField): string {
  return { company: 'Company name', email: 'Contact email', contact: 'Contact person', phone: 'Phone', inn: 'Company identifier' }[field];
}

/** Validate or throw a ValidationError naming the first bad field. */
export function parseRegistration(input: Partial<Record<RegistrationField, string>>): Registration {
  const result = registrationSchema.safeParse(input);
  if (result.success) return result.data;
  const [field, message] = Object.entries(registrationProblems(input))[0] ?? ['company', 'Invalid registration.'];
  throw new ValidationError(message, 'Correct the field and submit again.', field);
}
