// Min-cost maximum flow on a bipartite transportation network, solved by successive shortest
// paths with potentials: the one solver behind cohort matching (managers' places) and the
// collaboration finder (hours of machines, services and workforce offered and needed). Pure.

/**
 * Min-cost max-flow on a bipartite transportation network: source → left node x (capacity
 * `supply[x]`) → right node y along edge e (capacity `edgeCapacity[e]`, 1 by default; cost `cost[e]` ≥ 0) → sink (capacity
 * `capacity[y]`). Edges of left node x are `edgeStart[x] … edgeStart[x + 1] − 1`, to right node
 * `edgeTo[e]`. Returns the flow on each edge: a maximum flow of least total cost. Edges carry one
 * unit each unless `edgeCapacity` says otherwise (the collaboration finder's hours); an edge
 * carrying k units is listed k times among its right node's carried edges.
 *
 * The units of supply are added one at a time. Invariant: the flow is a least-cost maximum flow of
 * the network with the units added so far (no negative cycle in its residual graph, source and
 * sink included). Adding a unit at x, any better flow differs from the current one by a path or a
 * cycle through the new unit plus cycles that are not negative, so it suffices to:
 * - when some right node with free capacity is reachable from x, augment along a shortest path to
 *   one (the maximum flow grows by one);
 * - otherwise cancel the most negative cycle through the new unit, if any: a shortest path from x
 *   to a left node w that sends flow, whose unit then moves to x (same flow, lower cost).
 * Shortest paths are found by Dijkstra on reduced costs `cost + π(from) − π(to)`, kept non-negative
 * by updating the potentials π of the nodes settled in each search.
 */
export function minCostFlow(
  leftCount: number,
  rightCount: number,
  supply: Int32Array,
  capacity: Int32Array,
  edgeStart: Int32Array,
  edgeTo: Int32Array,
  cost: Float64Array,
  edgeCapacity?: Int32Array,
): { flow: Int32Array; potential: Float64Array } {
  const edgeCount = edgeStart[leftCount]!;
  const nodes = leftCount + rightCount;
  const edgeFrom = new Int32Array(edgeCount);
  for (let x = 0; x < leftCount; x++) edgeFrom.fill(x, edgeStart[x]!, edgeStart[x + 1]!);
  const flow = new Int32Array(edgeCount);
  const capacityOf = (e: number) => (edgeCapacity ? edgeCapacity[e]! : 1);
  const leftUsed = new Int32Array(leftCount);
  const rightUsed = new Int32Array(rightCount);
  /** Edges carrying flow into each right node (the residual graph's backward arcs). */
  const carriedStart = new Int32Array(rightCount + 1);
  for (let y = 0; y < rightCount; y++) carriedStart[y + 1] = carriedStart[y]! + capacity[y]!;
  const carried = new Int32Array(carriedStart[rightCount]!);

  const potential = new Float64Array(nodes);
  const dist = new Float64Array(nodes);
  const reached = new Int32Array(nodes);
  const settledIn = new Int32Array(nodes);
  const via = new Int32Array(nodes);
  const settled = new Int32Array(nodes);
  const heap = new NodeHeap();
  let round = 0;

  const augment = (origin: number, end: number) => {
    let node = end;
    while (node !== origin) {
      const e = via[node]!;
      if (node >= leftCount) {
        flow[e]!++;
        const right = edgeTo[e]!;
        carried[carriedStart[right]! + rightUsed[right]!] = e;
        rightUsed[right]!++;
        node = edgeFrom[e]!;
      } else {
        flow[e]!--;
        const right = edgeTo[e]!;
        const first = carriedStart[right]!;
        const last = first + rightUsed[right]! - 1;
        let at = first;
        while (carried[at] !== e) at++;
        carried[at] = carried[last]!;
        rightUsed[right]!--;
        node = leftCount + right;
      }
    }
  };

  /** The most units the path found to `end` can carry: its tightest edge, the target's room or the exchanged unit's. */
  const bottleneck = (origin: number, end: number, wanted: number, isTarget: boolean) => {
    let units = wanted;
    if (isTarget) units = Math.min(units, capacity[end - leftCount]! - rightUsed[end - leftCount]!);
    else units = Math.min(units, leftUsed[end]!);
    let node = end;
    while (node !== origin && units > 0) {
      const e = via[node]!;
      if (node >= leftCount) {
        units = Math.min(units, capacityOf(e) - flow[e]!);
        node = edgeFrom[e]!;
      } else {
        units = Math.min(units, flow[e]!);
        node = leftCount + edgeTo[e]!;
      }
    }
    return units;
  };

  /**
   * Adds up to `wanted` units of supply at `origin` along one shortest path (as many as it can
   * carry: every unit of it is then a least-cost choice, so the invariant holds as for one unit).
   * @returns the units added; 0 when none can be placed nor improve anything
   */
  const addUnits = (origin: number, wanted: number): number => {
    round++;
    heap.clear();
    let settledCount = 0;
    dist[origin] = 0;
    reached[origin] = round;
    heap.push(0, origin);
    let target = -1;
    let exchange = -1;
    let exchangeGain = 0;
    while (heap.size > 0) {
      const d = heap.topKey();
      const node = heap.pop();
      if (settledIn[node] === round || d > dist[node]!) continue;
      settledIn[node] = round;
      settled[settledCount++] = node;
      const nodePotential = potential[node]!;
      if (node < leftCount) {
        if (node !== origin && leftUsed[node]! > 0) {
          // Real cost of the path origin → node, were node's unit to move to origin.
          const real = d - potential[origin]! + nodePotential;
          if (real < exchangeGain) {
            exchangeGain = real;
            exchange = node;
          }
        }
        for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
          if (flow[e]! >= capacityOf(e)) continue;
          const next = leftCount + edgeTo[e]!;
          if (settledIn[next] === round) continue;
          const nd = d + cost[e]! + nodePotential - potential[next]!;
          if (reached[next] !== round || nd < dist[next]!) {
            reached[next] = round;
            dist[next] = nd;
            via[next] = e;
            heap.push(nd, next);
          }
        }
      } else {
        const right = node - leftCount;
        if (rightUsed[right]! < capacity[right]!) {
          target = node;
          break;
        }
        const first = carriedStart[right]!;
        const last = first + rightUsed[right]!;
        for (let c = first; c < last; c++) {
          const e = carried[c]!;
          const next = edgeFrom[e]!;
          if (settledIn[next] === round) continue;
          const nd = d - cost[e]! + nodePotential - potential[next]!;
          if (reached[next] !== round || nd < dist[next]!) {
            reached[next] = round;
            dist[next] = nd;
            via[next] = e;
            heap.push(nd, next);
          }
        }
      }
    }
    const end = target >= 0 ? target : exchange;
    if (end < 0) return 0;
    const units = Math.max(1, bottleneck(origin, end, wanted, target >= 0));
    for (let unit = 0; unit < units; unit++) augment(origin, end);
    leftUsed[origin]! += units;
    if (target < 0) leftUsed[exchange]! -= units;
    // π += min(dist, D) − D, which only changes the nodes settled closer than D.
    const limit = dist[end]!;
    for (let s = 0; s < settledCount; s++) {
      const node = settled[s]!;
      const d = dist[node]!;
      if (d < limit) potential[node]! += d - limit;
    }
    return units;
  };

  for (let x = 0; x < leftCount; x++) {
    for (let left = supply[x]!; left > 0; ) {
      const added = addUnits(x, left);
      if (added === 0) break;
      left -= added;
    }
  }
  return { flow, potential };
}

/** A binary min-heap of (key, node) pairs with lazy deletion, on typed arrays. */
export class NodeHeap {
  private keys = new Float64Array(1024);
  private nodes = new Int32Array(1024);
  size = 0;

  clear() {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  push(key: number, node: number) {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    const keys = this.keys;
    const nodes = this.nodes;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[at] = keys[parent]!;
      nodes[at] = nodes[parent]!;
      at = parent;
    }
    keys[at] = key;
    nodes[at] = node;
  }

  pop(): number {
    const keys = this.keys;
    const nodes = this.nodes;
    const top = nodes[0]!;
    const size = --this.size;
    if (size === 0) return top;
    const key = keys[size]!;
    const node = nodes[size]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      keys[at] = keys[child]!;
      nodes[at] = nodes[child]!;
      at = child;
    }
    keys[at] = key;
    nodes[at] = node;
    return top;
  }
}
