import type { z } from 'zod';
import { badRequest } from './service-error.js';

type Where = 'body' | 'query' | 'path';

const LABEL: Record<Where, string> = { body: 'Body field', query: 'Query parameter', path: 'Path parameter' };

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** One sentence that names the field and says what is wrong with it. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown, where: Where): string {
  if (issue.path.length === 0) {
    if (where === 'body' && (input === undefined || input === null || input === '')) return 'The request needs a JSON object as its body (Content-Type: application/json).';
    if (where === 'body' && (typeof input !== 'object' || Array.isArray(input))) return `The request body must be a JSON object, not ${kindOf(input)}.`;
    return issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
  }
  const field = `${LABEL[where]} "${issue.path.map(String).join('.')}"`;
  const value = valueAt(input, issue.path);
  if (issue.code === 'invalid_type') {
    if (value === undefined) return `${field} is required (${issue.expected}).`;
    return `${field} must be ${issue.expected === 'object' || issue.expected === 'array' ? 'an' : 'a'} ${issue.expected}, not ${kindOf(value)}.`;
  }
  const message = issue.message.replace(/^Invalid input: /, '');
  const end = message.endsWith('.') ? '' : '.';
  // Schema messages written as a predicate ("is not a version ...") continue the sentence.
  return /^(is|must|has) /.test(message) ? `${field} ${message}${end}` : `${field}: ${message}${end}`;
}

/** Parse request input with a contract schema, or refuse with 400 `bad_request` naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: Where): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw badRequest(issue ? describeIssue(issue, input, where) : `Invalid request ${where}.`);
}
