// The state machine as a picture for the local console: a top-down layered layout of an ASL
// definition by dagre (boxes placed, arrows routed, room kept for every label) and a renderer to
// inline SVG (no script; colours come from aslGraphCss, which the console's hashed stylesheet
// includes). Nested states of Parallel and Map are not drawn: such a state is one box.
import { type EdgeLabel, Graph, type GraphLabel, layout, type NodeLabel } from '@dagrejs/dagre';

export type AslEdgeKind = 'next' | 'choice' | 'default' | 'catch' | 'back';
/** How a transition is written in the ASL. */
export type AslTransition = Exclude<AslEdgeKind, 'back'>;

export interface AslNode {
  readonly name: string;
  /** The ASL Type: Task, Choice, Wait, Pass, Succeed, Fail, Parallel, Map. */
  readonly type: string;
  /** The row the box is drawn in, from 0 at the top. */
  readonly layer: number;
  /** Top-left corner and size, in SVG user units. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface AslEdge {
  readonly from: string;
  readonly to: string;
  /** 'back' for a transition towards StartAt (its BFS distance from StartAt does not grow): a loop. */
  readonly kind: AslEdgeKind;
  /** How the transition is written in the ASL (for a 'back' edge, what it would be otherwise). */
  readonly via: AslTransition;
  /** The Choice rule, "default", or the errors a Catch catches. */
  readonly label?: string;
}

/** Where an arrow runs: from the first point to the last, and where its label sits. */
export interface AslRoute {
  readonly points: readonly Point[];
  readonly labelAt?: Point;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface AslLayout {
  readonly startAt: string;
  readonly nodes: readonly AslNode[];
  readonly edges: readonly AslEdge[];
  /** Each edge's route, index for index (none for a state's transition to itself). */
  readonly routes: readonly (AslRoute | undefined)[];
  readonly width: number;
  readonly height: number;
}

/** What an execution did, for the picture. */
export interface StateMarks {
  /** Entered and not yet left. */
  readonly current: readonly string[];
  /** Entered at least once. */
  readonly visited: readonly string[];
  /** Where the execution failed (a Fail state, or the state open when it failed or timed out). */
  readonly failed: readonly string[];
  /** The state open when the execution was stopped. */
  readonly stopped: readonly string[];
}

export const nodeWidth = 184;
export const nodeHeight = 44;
const gapX = 36;
const gapY = 64;
const margin = 24;
/** Room on the right for a loop from a state to itself. */
const selfLoopRoom = 48;
/** An edge label's box: the text shown (cut at 26 characters) at the 10 px label font. */
const labelHeight = 14;
const labelWidth = (text: string) => Math.ceil(text.length * 5.8) + 8;
const edgeLabelText = (edge: AslEdge) =>
  edge.label && edge.via !== 'next' ? truncate(edge.label, 26) : undefined;

type AslState = Record<string, unknown>;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const lastSegment = (path: unknown) =>
  typeof path === 'string' ? (path.split('.').pop() ?? path).replace(/^\$+/, '') || path : '?';

/** Comparison operators by the end of their name, longest first (GreaterThanEquals before Equals). */
const comparisons: readonly [string, string][] = [
  ['GreaterThanEquals', '≥'],
  ['LessThanEquals', '≤'],
  ['GreaterThan', '>'],
  ['LessThan', '<'],
  ['Equals', '='],
  ['Matches', '~'],
];

/** A short reading of a Choice rule: `decision = "accept"`, `eligible = true`, `and(…)`. */
export function describeChoiceRule(rule: unknown): string {
  if (!isRecord(rule)) return '?';
  if (Array.isArray(rule.And)) return `and(${rule.And.map(describeChoiceRule).join(', ')})`;
  if (Array.isArray(rule.Or)) return `or(${rule.Or.map(describeChoiceRule).join(', ')})`;
  if (rule.Not !== undefined) return `not(${describeChoiceRule(rule.Not)})`;
  if (typeof rule.Condition === 'string') return rule.Condition;
  const variable = lastSegment(rule.Variable);
  for (const [key, value] of Object.entries(rule)) {
    if (key === 'Variable' || key === 'Next') continue;
    if (key === 'IsPresent') return `${variable} ${value ? 'present' : 'absent'}`;
    if (key === 'IsNull') return `${variable} ${value ? 'null' : 'not null'}`;
    if (key.startsWith('Is')) return `${variable} ${value ? '' : 'not '}${key.slice(2).toLowerCase()}`;
    const operator = comparisons.find(([suffix]) => key.replace(/Path$/, '').endsWith(suffix));
    const shown = key.endsWith('Path') ? lastSegment(value) : JSON.stringify(value);
    return `${variable} ${operator?.[1] ?? key} ${shown}`;
  }
  return variable;
}

/** The transitions out of a state, in ASL order: Next, Choices, Default, Catch. */
function transitionsOf(state: AslState): { to: string; via: AslTransition; label?: string }[] {
  const out: { to: string; via: AslTransition; label?: string }[] = [];
  if (typeof state.Next === 'string') out.push({ to: state.Next, via: 'next' });
  if (Array.isArray(state.Choices)) {
    for (const rule of state.Choices) {
      if (isRecord(rule) && typeof rule.Next === 'string') {
        out.push({ to: rule.Next, via: 'choice', label: describeChoiceRule(rule) });
      }
    }
  }
  if (typeof state.Default === 'string') out.push({ to: state.Default, via: 'default', label: 'default' });
  if (Array.isArray(state.Catch)) {
    for (const catcher of state.Catch) {
      if (isRecord(catcher) && typeof catcher.Next === 'string') {
        const errors = Array.isArray(catcher.ErrorEquals) ? catcher.ErrorEquals.join(', ') : 'error';
        out.push({ to: catcher.Next, via: 'catch', label: errors });
      }
    }
  }
  return out;
}

/**
 * Lays out a state machine top-down: each state in the layer of its BFS distance from StartAt
 * (over Next, Choices[].Next, Default and Catch[].Next), ordered within its layer to keep edges
 * short, each transition an edge; a transition that does not go down a layer is a 'back' edge.
 * Transitions to states the definition does not have (invalid ASL) are left out.
 * @throws Error when the definition has no States
 */
export function layoutAsl(definition: unknown): AslLayout {
  if (!isRecord(definition) || !isRecord(definition.States)) {
    throw new Error('Not a state machine definition: no States');
  }
  const states = definition.States as Record<string, unknown>;
  const names = Object.keys(states);
  const startAt = typeof definition.StartAt === 'string' ? definition.StartAt : (names[0] ?? '');
  const transitions = new Map(
    names.map((name) => {
      const state = states[name];
      return [name, isRecord(state) ? transitionsOf(state).filter((t) => t.to in states) : []];
    }),
  );

  // Which transitions go back: BFS distance from StartAt (then from each state left unreached)
  // does not grow along them. The others form a graph without cycles, laid out top-down.
  const distance = new Map<string, number>();
  const bfs = (root: string, base: number) => {
    distance.set(root, base);
    const queue = [root];
    for (let head = 0; head < queue.length; head++) {
      const from = queue[head] as string;
      for (const { to } of transitions.get(from) ?? []) {
        if (distance.has(to)) continue;
        distance.set(to, (distance.get(from) ?? base) + 1);
        queue.push(to);
      }
    }
  };
  if (startAt in states) bfs(startAt, 0);
  for (const name of names) {
    if (!distance.has(name)) bfs(name, distance.size === 0 ? 0 : Math.max(...distance.values()) + 1);
  }
  const edges: AslEdge[] = [];
  for (const [from, outgoing] of transitions) {
    for (const { to, via, label } of outgoing) {
      const forward = (distance.get(to) ?? 0) > (distance.get(from) ?? 0);
      edges.push({ from, to, kind: forward ? via : 'back', via, ...(label === undefined ? {} : { label }) });
    }
  }

  // dagre (the layered layout the Step Functions console's graph is drawn with too) places the
  // boxes, routes the arrows and reserves room for each label, so nothing overlaps. A back edge is
  // given to it reversed (the graph must have no cycle) and its route turned round afterwards;
  // a state's transition to itself is drawn as a small loop on its right side.
  const graph = new Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  graph.setGraph({
    rankdir: 'TB',
    nodesep: gapX,
    ranksep: gapY / 2,
    edgesep: 14,
    marginx: margin,
    marginy: margin,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const name of names) graph.setNode(name, { width: nodeWidth, height: nodeHeight });
  edges.forEach((edge, i) => {
    if (edge.from === edge.to) return;
    const shown = edgeLabelText(edge);
    const label = shown ? { width: labelWidth(shown), height: labelHeight, labelpos: 'c' as const } : {};
    const [v, w] = edge.kind === 'back' ? [edge.to, edge.from] : [edge.from, edge.to];
    graph.setEdge(v, w, label, `e${i}`);
  });
  layout(graph);

  const ranks = [...new Set(names.map((name) => graph.node(name).rank ?? 0))].sort((a, b) => a - b);
  const nodes: AslNode[] = names.map((name) => {
    const placed = graph.node(name);
    const state = states[name];
    return {
      name,
      type: isRecord(state) && typeof state.Type === 'string' ? state.Type : 'Unknown',
      layer: ranks.indexOf(placed.rank ?? 0),
      x: Math.round(placed.x - nodeWidth / 2),
      y: Math.round(placed.y - nodeHeight / 2),
      width: nodeWidth,
      height: nodeHeight,
    };
  });
  const routes = new Map<AslEdge, AslRoute>();
  edges.forEach((edge, i) => {
    if (edge.from === edge.to) return;
    const [v, w] = edge.kind === 'back' ? [edge.to, edge.from] : [edge.from, edge.to];
    const placed = graph.edge({ v, w, name: `e${i}` });
    const points = (placed.points ?? []).map((p: Point) => ({ x: Math.round(p.x), y: Math.round(p.y) }));
    routes.set(edge, {
      points: edge.kind === 'back' ? points.reverse() : points,
      ...(placed.x === undefined || placed.y === undefined
        ? {}
        : { labelAt: { x: Math.round(placed.x), y: Math.round(placed.y) } }),
    });
  });
  const size = graph.graph();
  const hasSelfLoop = edges.some((edge) => edge.from === edge.to);
  return {
    startAt,
    nodes,
    edges,
    routes: edges.map((edge) => routes.get(edge)),
    width: Math.ceil((size.width ?? 0) + (hasSelfLoop ? selfLoopRoom : 0)),
    height: Math.ceil(size.height ?? 0),
  };
}

/**
 * The marks of an execution from its history (StateEntered/StateExited names), its current
 * states and its status.
 */
export function marksFromHistory(
  events: readonly {
    type: string;
    stateEnteredEventDetails?: { name: string };
    stateExitedEventDetails?: { name: string };
  }[],
  currentStates: readonly string[],
  status: string,
): StateMarks {
  const visited = new Set<string>();
  const open = new Map<string, number>();
  const failed = new Set<string>();
  for (const event of events) {
    const entered = event.stateEnteredEventDetails?.name;
    if (entered !== undefined) {
      visited.add(entered);
      open.set(entered, (open.get(entered) ?? 0) + 1);
      if (event.type === 'FailStateEntered') failed.add(entered);
    }
    const exited = event.stateExitedEventDetails?.name;
    if (exited !== undefined) open.set(exited, Math.max(0, (open.get(exited) ?? 0) - 1));
  }
  const stillOpen = [...open].filter(([, count]) => count > 0).map(([name]) => name);
  if (status === 'FAILED' || status === 'TIMED_OUT') for (const name of stillOpen) failed.add(name);
  return {
    current: [...new Set(currentStates)],
    visited: [...visited],
    failed: [...failed],
    stopped: status === 'ABORTED' ? stillOpen : [],
  };
}

// ---------------------------------------------------------------------------------------------
// SVG
// ---------------------------------------------------------------------------------------------

/** The stylesheet of the picture; include it in the page's (hashed) <style>. */
export const aslGraphCss = `
.asl-graph{font:11px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;display:block}
.asl-node .shape{fill:#fff;stroke:#8a94a6;stroke-width:1.2}
.asl-node text{fill:#1d2433}
.asl-node.type-choice .shape{fill:#fff8e1;stroke:#a37b00}
.asl-node.type-wait .shape{fill:#f3eefc;stroke:#7a5bb5;stroke-dasharray:4 3}
.asl-node.type-pass .shape{fill:#f4f6f8;stroke:#a2aab8}
.asl-node.type-succeed .shape{fill:#e6f4ea;stroke:#1e7b34}
.asl-node.type-fail .shape{fill:#fde8e6;stroke:#b3261e}
.asl-node.type-parallel .shape,.asl-node.type-map .shape{fill:#eef6f6;stroke:#2f7a7a}
.asl-node.is-visited .shape{fill:#c9dcf2}
.asl-node.is-stopped .shape{stroke:#7a5b00;stroke-width:3}
.asl-node.is-failed .shape{fill:#f6c9c4;stroke:#b3261e;stroke-width:3}
.asl-node.is-current .shape{stroke:#0b5cad;stroke-width:4}
.asl-node.is-current text{font-weight:700}
.asl-edge{fill:none;stroke:#6b7280;stroke-width:1.3}
.asl-edge.kind-choice{stroke:#0b5cad}
.asl-edge.kind-catch{stroke:#c2410c}
.asl-edge.kind-back{stroke:#7a5bb5;stroke-dasharray:5 4}
.asl-head{fill:#6b7280}.asl-head.kind-choice{fill:#0b5cad}.asl-head.kind-catch{fill:#c2410c}.asl-head.kind-back{fill:#7a5bb5}
.asl-edge-label{font-size:10px;fill:#374151;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.asl-legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.85rem;margin:.4rem 0}
.asl-legend span::before{content:"";display:inline-block;width:.9rem;height:.9rem;margin-right:.3rem;vertical-align:-.15rem;border:1px solid #8a94a6;background:#fff}
.asl-legend .l-choice::before{background:#fff8e1;border-color:#a37b00;transform:rotate(45deg) scale(.8)}
.asl-legend .l-wait::before{background:#f3eefc;border:1px dashed #7a5bb5}
.asl-legend .l-pass::before{background:#f4f6f8;border-color:#a2aab8;border-radius:.25rem}
.asl-legend .l-succeed::before{background:#e6f4ea;border-color:#1e7b34;border-radius:.5rem}
.asl-legend .l-fail::before{background:#fde8e6;border-color:#b3261e;border-radius:.5rem}
.asl-legend .l-current::before{border:3px solid #0b5cad}
.asl-legend .l-visited::before{background:#c9dcf2}
.asl-legend .l-failed::before{background:#f6c9c4;border:2px solid #b3261e}
.asl-legend .l-back::before{border:0;border-top:2px dashed #7a5bb5;height:0;vertical-align:.2rem}
`;

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Splits a name into at most maxLines lines of at most maxChars, the last cut with "…". */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let word of words) {
    while (word.length > maxChars) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, maxChars));
      word = word.slice(maxChars);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= maxChars) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, maxChars - 1)).trimEnd()}…`;
  return kept;
}

/** A stable id for a state's box (fragment links jump to it). */
export const stateAnchor = (name: string) =>
  `state-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}-${hash(name)}`;

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

function shape(node: AslNode): string {
  const { x, y, width: w, height: h } = node;
  switch (node.type) {
    case 'Choice': {
      const cut = 14;
      const points = [
        [x + cut, y],
        [x + w - cut, y],
        [x + w, y + h / 2],
        [x + w - cut, y + h],
        [x + cut, y + h],
        [x, y + h / 2],
      ];
      return `<polygon class="shape" points="${points.map((p) => p.join(',')).join(' ')}"/>`;
    }
    case 'Succeed':
    case 'Fail':
      return `<rect class="shape" x="${x}" y="${y}" width="${w}" height="${h}" rx="${h / 2}"/>`;
    case 'Pass':
      return `<rect class="shape" x="${x}" y="${y}" width="${w}" height="${h}" rx="12"/>`;
    case 'Parallel':
    case 'Map':
      return (
        `<rect class="shape" x="${x}" y="${y}" width="${w}" height="${h}" rx="3"/>` +
        `<rect class="shape" x="${x + 3}" y="${y + 3}" width="${w - 6}" height="${h - 6}" rx="2"/>`
      );
    default:
      return `<rect class="shape" x="${x}" y="${y}" width="${w}" height="${h}" rx="4"/>`;
  }
}

/** A smooth path through a route's points (straight at both ends, rounded at each bend). */
function smoothPath(points: readonly Point[]): string {
  const [first, ...rest] = points;
  const last = rest[rest.length - 1];
  if (!first || !last) return '';
  let d = `M${first.x},${first.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const bend = rest[i] as Point;
    const next = rest[i + 1] as Point;
    d += ` Q${bend.x},${bend.y} ${Math.round((bend.x + next.x) / 2)},${Math.round((bend.y + next.y) / 2)}`;
  }
  return `${d} L${last.x},${last.y}`;
}

function edgePaths(layout: AslLayout): { edge: AslEdge; d: string; labelAt: Point }[] {
  const byName = new Map(layout.nodes.map((node) => [node.name, node]));
  return layout.edges.map((edge, i) => {
    const route = layout.routes[i];
    if (route) {
      const middle = route.points[Math.floor(route.points.length / 2)] ?? { x: 0, y: 0 };
      return { edge, d: smoothPath(route.points), labelAt: route.labelAt ?? middle };
    }
    // A state's transition to itself: a small loop on the right side of its box.
    const node = byName.get(edge.from);
    if (!node) return { edge, d: '', labelAt: { x: 0, y: 0 } };
    const x = node.x + node.width;
    const top = node.y + node.height / 2 - 8;
    const bottom = node.y + node.height / 2 + 8;
    return {
      edge,
      d: `M${x},${bottom} C${x + 40},${bottom + 20} ${x + 40},${top - 20} ${x},${top}`,
      labelAt: { x: x + 34, y: node.y + node.height / 2 + 3 },
    };
  });
}

/**
 * The layout as an inline <svg>: boxes shaped and coloured by type, with the execution's marks
 * (current: class is-current and data-current="true"; visited; failed; stopped). Long names are
 * wrapped and cut, with the full name in the box's <title>.
 */
export function renderAslSvg(
  layout: AslLayout,
  marks: Partial<StateMarks> = {},
  options: { title?: string } = {},
): string {
  const current = new Set(marks.current ?? []);
  const visited = new Set(marks.visited ?? []);
  const failed = new Set(marks.failed ?? []);
  const stopped = new Set(marks.stopped ?? []);
  const kinds: AslEdgeKind[] = ['next', 'choice', 'default', 'catch', 'back'];
  const markers = kinds
    .map(
      (kind) =>
        `<marker id="asl-arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="asl-head kind-${kind}" d="M0,0L10,5L0,10z"/></marker>`,
    )
    .join('');
  const paths = edgePaths(layout);
  const edges = paths
    .map(
      ({ edge, d }) =>
        `<path class="asl-edge kind-${edge.kind} via-${edge.via}" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}" d="${d}" marker-end="url(#asl-arrow-${edge.kind})"><title>${escapeXml(
          `${edge.from} → ${edge.to}${edge.label ? ` (${edge.label})` : ''}`,
        )}</title></path>`,
    )
    .join('');
  const labels = paths
    .filter(({ edge }) => edge.label && edge.via !== 'next')
    .map(
      ({ edge, labelAt }) =>
        `<text class="asl-edge-label" x="${Math.round(labelAt.x)}" y="${Math.round(labelAt.y)}" text-anchor="middle"><title>${escapeXml(
          edge.label ?? '',
        )}</title>${escapeXml(truncate(edge.label ?? '', 26))}</text>`,
    )
    .join('');
  const nodes = layout.nodes
    .map((node) => {
      const classes = [
        'asl-node',
        `type-${node.type.toLowerCase()}`,
        visited.has(node.name) ? 'is-visited' : '',
        failed.has(node.name) ? 'is-failed' : '',
        stopped.has(node.name) ? 'is-stopped' : '',
        current.has(node.name) ? 'is-current' : '',
      ].filter(Boolean);
      const inner = node.type === 'Choice' ? 24 : 28;
      const lines = wrapText(node.name, inner, 2);
      const cx = node.x + node.width / 2;
      const lineHeight = 13;
      const firstY = node.y + node.height / 2 - ((lines.length - 1) * lineHeight) / 2 + 4;
      const status = [
        current.has(node.name) ? 'current' : '',
        failed.has(node.name) ? 'failed' : '',
        stopped.has(node.name) ? 'stopped' : '',
        visited.has(node.name) ? 'visited' : '',
      ].filter(Boolean);
      const title = `${node.name} (${node.type}${status.length ? `; ${status.join(', ')}` : ''})`;
      const text = lines
        .map(
          (line, i) =>
            `<text x="${cx}" y="${Math.round(firstY + i * lineHeight)}" text-anchor="middle">${escapeXml(line)}</text>`,
        )
        .join('');
      return (
        `<g id="${stateAnchor(node.name)}" class="${classes.join(' ')}" data-state="${escapeXml(node.name)}" data-type="${escapeXml(node.type)}"` +
        `${current.has(node.name) ? ' data-current="true"' : ''}${visited.has(node.name) ? ' data-visited="true"' : ''}${failed.has(node.name) ? ' data-failed="true"' : ''}>` +
        `<title>${escapeXml(title)}</title>${shape(node)}${text}</g>`
      );
    })
    .join('');
  const title = options.title ?? 'State machine';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="asl-graph" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title><defs>${markers}</defs>` +
    `<g class="asl-edges">${edges}</g><g class="asl-nodes">${nodes}</g><g class="asl-labels">${labels}</g></svg>`
  );
}
