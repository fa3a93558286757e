// Gives every test worker the local stack's environment before any test file imports a handler
// (handlers read their configuration at module load).
import { inject } from 'vitest';

Object.assign(process.env, inject('localStack').env);
