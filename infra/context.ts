// How a `-c percorso-pmi:<flag>=…` switch reads: `true` or 'true' turns it on; anything else, or
// absent, leaves it off (an opt-in with a fixed fee or an account prerequisite is never guessed on).
import type { Construct } from 'constructs';

export const contextFlag = (scope: Construct, key: string): boolean => {
  const value = scope.node.tryGetContext(key) as unknown;
  return value === true || value === 'true';
};
