// The local console's picture of a state machine: the layout (every state once, every transition
// an edge, StartAt on top, loops as back edges, no overlapping boxes), the marks an execution's
// history gives, and the SVG (shapes, marks, escaping, long names).
import { describe, expect, it } from 'vitest';
import {
  type AslLayout,
  describeChoiceRule,
  layoutAsl,
  marksFromHistory,
  renderAslSvg,
  wrapText,
} from '#infra/local/asl-graph.ts';
import { renderWorkflowAsl } from '#workflows/render.ts';

/** Every transition an ASL definition writes, as from → to pairs (with repeats). */
function transitions(definition: { States: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(definition.States).flatMap(([from, state]) => {
    const targets = [
      state.Next,
      ...((state.Choices as { Next: string }[] | undefined) ?? []).map((c) => c.Next),
      state.Default,
      ...((state.Catch as { Next: string }[] | undefined) ?? []).map((c) => c.Next),
    ];
    return targets.filter((to): to is string => typeof to === 'string').map((to) => `${from} → ${to}`);
  });
}

const overlaps = (layout: AslLayout) =>
  layout.nodes.some((a, i) =>
    layout.nodes.some(
      (b, j) =>
        i < j && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
    ),
  );

const loop = {
  StartAt: 'Ask',
  States: {
    Ask: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Answered?' },
    'Answered?': {
      Type: 'Choice',
      Choices: [{ Variable: '$.answered', BooleanEquals: true, Next: 'Done' }],
      Default: 'Wait a bit',
    },
    'Wait a bit': { Type: 'Wait', Seconds: 5, Next: 'Ask' },
    Done: { Type: 'Succeed' },
  },
};

describe('layoutAsl', () => {
  it('places every state of the SME journey once and draws every transition', () => {
    // Prepare
    const definition = renderWorkflowAsl('sme-journey') as {
      StartAt: string;
      States: Record<string, Record<string, unknown>>;
    };

    // Act
    const layout = layoutAsl(definition);

    // Assess
    const names = layout.nodes.map((node) => node.name);
    expect(names).toHaveLength(Object.keys(definition.States).length);
    expect(new Set(names)).toEqual(new Set(Object.keys(definition.States)));
    expect(layout.edges.map((edge) => `${edge.from} → ${edge.to}`).sort()).toEqual(
      transitions(definition).sort(),
    );
    const start = layout.nodes.find((node) => node.name === definition.StartAt);
    expect(start?.layer).toBe(0);
    expect(layout.nodes.filter((node) => node.layer === 0)).toHaveLength(1);
    expect(Math.min(...layout.nodes.map((node) => node.y))).toBe(start?.y);
    expect(overlaps(layout)).toBe(false);
    for (const node of layout.nodes) {
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.y).toBeGreaterThanOrEqual(0);
      expect(node.x + node.width).toBeLessThanOrEqual(layout.width);
      expect(node.y + node.height).toBeLessThanOrEqual(layout.height);
    }
    // The offer loop: an expired offer goes back to matching.
    expect(layout.edges).toContainEqual(
      expect.objectContaining({ from: 'Expire the offer', to: 'Find a manager', kind: 'back' }),
    );
  });

  it('draws a loop as a back edge and every other transition downwards, one layer at a time', () => {
    // Act
    const layout = layoutAsl(loop);

    // Assess
    const layer = Object.fromEntries(layout.nodes.map((node) => [node.name, node.layer]));
    expect(layer).toEqual({ Ask: 0, 'Answered?': 1, Done: 2, 'Wait a bit': 2 });
    expect(layout.edges).toEqual(
      expect.arrayContaining([
        { from: 'Ask', to: 'Answered?', kind: 'next', via: 'next' },
        { from: 'Answered?', to: 'Done', kind: 'choice', via: 'choice', label: 'answered = true' },
        { from: 'Answered?', to: 'Wait a bit', kind: 'default', via: 'default', label: 'default' },
        { from: 'Wait a bit', to: 'Ask', kind: 'back', via: 'next' },
      ]),
    );
    expect(layout.edges).toHaveLength(4);
    for (const edge of layout.edges) {
      const down = (layer[edge.to] ?? 0) - (layer[edge.from] ?? 0);
      expect(edge.kind === 'back' ? down <= 0 : down === 1).toBe(true);
    }
  });

  it('keeps catches, self-loops and states StartAt never reaches', () => {
    // Prepare
    const definition = {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Catch: [{ ErrorEquals: ['States.Timeout', 'States.TaskFailed'], Next: 'Broken' }],
          End: true,
        },
        Broken: { Type: 'Fail', Error: 'Broken' },
        Orphan: { Type: 'Pass', Next: 'Orphan' },
      },
    };

    // Act
    const layout = layoutAsl(definition);

    // Assess
    expect(layout.nodes.map((node) => [node.name, node.layer])).toEqual([
      ['Call', 0],
      ['Broken', 1],
      ['Orphan', expect.any(Number)],
    ]);
    expect(overlaps(layout)).toBe(false);
    expect(layout.edges).toEqual([
      { from: 'Call', to: 'Broken', kind: 'catch', via: 'catch', label: 'States.Timeout, States.TaskFailed' },
      { from: 'Orphan', to: 'Orphan', kind: 'back', via: 'next' },
    ]);
  });

  it('routes every arrow of every workflow from its box to the other, labels clear of boxes and of each other', () => {
    for (const name of ['sme-journey', 'project-monitoring', 'manager-onboarding'] as const) {
      // Act
      const layout = layoutAsl(renderWorkflowAsl(name));

      // Assess
      const box = new Map(layout.nodes.map((node) => [node.name, node]));
      const touches = (point: { x: number; y: number } | undefined, name: string) => {
        const node = box.get(name);
        return (
          point !== undefined &&
          node !== undefined &&
          point.x >= node.x - 1 &&
          point.x <= node.x + node.width + 1 &&
          point.y >= node.y - 1 &&
          point.y <= node.y + node.height + 1
        );
      };
      const labels: { x: number; y: number; edge: string }[] = [];
      layout.edges.forEach((edge, i) => {
        const route = layout.routes[i];
        if (edge.from === edge.to) return;
        expect(route, `${name}: ${edge.from} → ${edge.to}`).toBeDefined();
        expect(touches(route?.points[0], edge.from), `${edge.from} → ${edge.to} starts at its box`).toBe(
          true,
        );
        expect(touches(route?.points.at(-1), edge.to), `${edge.from} → ${edge.to} ends at its box`).toBe(
          true,
        );
        if (edge.label && edge.via !== 'next' && route?.labelAt)
          labels.push({ ...route.labelAt, edge: `${edge.from} → ${edge.to}` });
      });
      for (const label of labels) {
        const onBox = layout.nodes.find(
          (node) =>
            Math.abs(label.x - (node.x + node.width / 2)) < node.width / 2 &&
            Math.abs(label.y - (node.y + node.height / 2)) < node.height / 2 + 7,
        );
        expect(onBox?.name, `${name}: the label of ${label.edge} sits on a box`).toBeUndefined();
      }
      const centres = new Set(labels.map((label) => `${label.x},${label.y}`));
      expect(centres.size, `${name}: two labels in one place`).toBe(labels.length);
    }
  });

  it('refuses what is not a state machine', () => {
    expect(() => layoutAsl({ StartAt: 'A' })).toThrow(/no States/);
    expect(() => layoutAsl('nonsense')).toThrow(/no States/);
  });
});

describe('describeChoiceRule', () => {
  it('reads comparisons, paths and combinations briefly', () => {
    expect(describeChoiceRule({ Variable: '$.offer.decision', StringEquals: 'accept' })).toBe(
      'decision = "accept"',
    );
    expect(describeChoiceRule({ Variable: '$.a', NumericGreaterThanEqualsPath: '$.limits.max' })).toBe(
      'a ≥ max',
    );
    expect(describeChoiceRule({ Variable: '$.a', IsPresent: false })).toBe('a absent');
    expect(
      describeChoiceRule({
        And: [{ Variable: '$.a', BooleanEquals: true }, { Not: { Variable: '$.b', NumericLessThan: 3 } }],
      }),
    ).toBe('and(a = true, not(b < 3))');
  });
});

describe('marksFromHistory', () => {
  const entered = (name: string, type = 'TaskStateEntered') => ({
    type,
    stateEnteredEventDetails: { name },
  });
  const exited = (name: string) => ({ type: 'TaskStateExited', stateExitedEventDetails: { name } });

  it('gives the visited states and the current ones of a running execution', () => {
    const marks = marksFromHistory(
      [{ type: 'ExecutionStarted' }, entered('A'), exited('A'), entered('B')],
      ['B'],
      'RUNNING',
    );

    expect(marks).toEqual({ current: ['B'], visited: ['A', 'B'], failed: [], stopped: [] });
  });

  it('marks the state open when the execution failed, and a Fail state', () => {
    expect(marksFromHistory([entered('A'), exited('A'), entered('B')], [], 'FAILED').failed).toEqual(['B']);
    expect(
      marksFromHistory([entered('A'), exited('A'), entered('Oops', 'FailStateEntered')], [], 'FAILED').failed,
    ).toEqual(['Oops']);
    expect(marksFromHistory([entered('A')], [], 'ABORTED')).toMatchObject({ failed: [], stopped: ['A'] });
  });
});

describe('renderAslSvg', () => {
  it('draws the boxes with their marks, the arrows, and escapes names', () => {
    // Prepare
    const definition = {
      StartAt: 'Assign the office\'s manager: <no manager> & "more"',
      States: {
        'Assign the office\'s manager: <no manager> & "more"': { Type: 'Task', Resource: 'x', Next: 'Ok?' },
        'Ok?': { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'End' }] },
        End: { Type: 'Succeed' },
      },
    };

    // Act
    const svg = renderAslSvg(layoutAsl(definition), {
      current: ['Ok?'],
      visited: ['Assign the office\'s manager: <no manager> & "more"', 'Ok?'],
    });

    // Assess
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="asl-graph"/);
    expect(svg).toMatch(/<g [^>]*class="asl-node type-choice is-visited is-current"[^>]*data-current="true"/);
    expect(svg).toMatch(/<g [^>]*data-state="Ok\?"[^>]*data-current="true"/);
    expect(svg.match(/data-current="true"/g)).toHaveLength(1);
    expect(svg).toContain(
      'data-state="Assign the office&#39;s manager: &lt;no manager&gt; &amp; &quot;more&quot;"',
    );
    expect(svg).not.toContain('<no manager>');
    expect(svg).toContain('<polygon class="shape"');
    expect(svg.match(/<path class="asl-edge /g)).toHaveLength(2);
    expect(svg).toContain('marker-end="url(#asl-arrow-choice)"');
    expect(svg).not.toMatch(/style=/);
  });

  it('wraps and cuts long names, keeping the full name in the title', () => {
    // Prepare
    const name = 'Closed by the office: assessment overdue, no answer after the second reminder (outcome)';
    const definition = { StartAt: name, States: { [name]: { Type: 'Pass', End: true } } };

    // Act
    const svg = renderAslSvg(layoutAsl(definition));

    // Assess
    expect(svg).toContain(`<title>${name} (Pass)</title>`);
    const lines = [...svg.matchAll(/<text x="[\d.]+" y="\d+" text-anchor="middle">([^<]*)<\/text>/g)].map(
      (m) => m[1],
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    for (const line of lines) expect(line?.length).toBeLessThanOrEqual(28);
  });
});

describe('wrapText', () => {
  it('breaks at spaces, splits words too long for a line and cuts what does not fit', () => {
    expect(wrapText('Send application receipt', 28, 2)).toEqual(['Send application receipt']);
    expect(wrapText('Remind manager of the assessment', 28, 2)).toEqual([
      'Remind manager of the',
      'assessment',
    ]);
    expect(wrapText('abcdefghij', 4, 3)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('one two three four', 7, 2)).toEqual(['one two', 'three…']);
  });
});
