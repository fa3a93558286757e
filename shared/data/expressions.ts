// Update expressions built from plain objects, with placeholder names that cannot collide with an
// expression's own: `SET #s0 = :s0, …` for attributes to set, `ADD #c0 :c0, …` for counters.

/** The clauses `#<p>0 = :<p>0, …` setting each attribute, with their names and values. */
export function assignments(set: Readonly<Record<string, unknown>>, prefix = 's') {
  const entries = Object.entries(set);
  return {
    clauses: entries.map((_, i) => `#${prefix}${i} = :${prefix}${i}`),
    names: Object.fromEntries(entries.map(([name], i) => [`#${prefix}${i}`, name])) as Record<string, string>,
    values: Object.fromEntries(entries.map(([, value], i) => [`:${prefix}${i}`, value])) as Record<
      string,
      unknown
    >,
  };
}

/** `SET …` for some attributes, with its names and values. */
export function setExpression(set: Readonly<Record<string, unknown>>) {
  const { clauses, names, values } = assignments(set);
  return { expression: `SET ${clauses.join(', ')}`, names, values };
}

/** `ADD #c0 :c0, …` adding to each counter, with its names and values. */
export function addExpression(counters: Readonly<Record<string, number>>) {
  const entries = Object.entries(counters);
  return {
    expression: `ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
    names: Object.fromEntries(entries.map(([name], i) => [`#c${i}`, name])) as Record<string, string>,
    values: Object.fromEntries(entries.map(([, by], i) => [`:c${i}`, by])) as Record<string, number>,
  };
}
