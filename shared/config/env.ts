// Configuration comes from process.env, read and checked once at module load: a missing variable
// fails the cold start with its name instead of failing later with `undefined`.
import * as z from 'zod';

/** Thrown at module load when the environment lacks a variable or has a malformed one. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/**
 * Parses process.env against a zod shape.
 * @param shape - one zod schema per variable name
 * @param env - defaults to process.env (tests pass their own)
 */
export function readEnv<Shape extends z.ZodRawShape>(
  shape: Shape,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<Shape>> {
  const result = z.object(shape).safeParse(env);
  if (!result.success) {
    const names = result.error.issues.map((issue) => `${issue.path.join('.')} (${issue.message})`);
    throw new ConfigurationError(`Invalid or missing environment variables: ${names.join(', ')}`);
  }
  return result.data;
}
