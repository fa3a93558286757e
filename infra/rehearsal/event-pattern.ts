// EventBridge's event pattern matching, for the patterns the templates use: every field of the
// pattern must be in the event; a list matches when the event's value (or any item of it) is in it.
import type { Json } from './cloud-assembly.ts';

export function matchesEventPattern(pattern: Json | undefined, event: Json | undefined): boolean {
  if (pattern === null || pattern === undefined) return true;
  if (Array.isArray(pattern)) {
    const values = Array.isArray(event) ? event : [event];
    return values.some((value) => pattern.some((allowed) => allowed === value));
  }
  if (typeof pattern !== 'object') return pattern === event;
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return false;
  return Object.entries(pattern).every(([key, sub]) => key in event && matchesEventPattern(sub, event[key]));
}
