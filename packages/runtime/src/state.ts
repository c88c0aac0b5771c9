// The two pieces of outside state team strategies need (SPEC 2.6 step 4). Evaluation is
// synchronous, so both interfaces are too: a service backed by Redis or a database keeps a local
// view that a background task synchronises (see README, "Plugging in shared state").

/** Rotation counters for `round_robin` teams. */
export interface StateStore {
  /** The team's counter (0, 1, 2, …), then advances it by one. */
  next(teamId: string): number;
  /** The team's counter without advancing it (used by explanations and dry runs). */
  peek(teamId: string): number;
}

/** Open assignments per rep, for `least_loaded` teams. */
export interface LoadSource {
  /** The rep's open assignments now. */
  load(repId: string): number;
  /**
   * Told when a decision assigns a record to the rep through a `least_loaded` team (only when the
   * runtime option `countAssignments` is on, the default). Leave it out when the load comes from
   * a system that already counts the assignment.
   */
  add?(repId: string, delta: number): void;
}

export class InMemoryStateStore implements StateStore {
  private readonly counters = new Map<string, number>();

  next(teamId: string): number {
    const n = this.counters.get(teamId) ?? 0;
    this.counters.set(teamId, n + 1);
    return n;
  }

  peek(teamId: string): number {
    return this.counters.get(teamId) ?? 0;
  }

  /** Sets a counter, e.g. to resume from a value saved at shutdown. */
  set(teamId: string, value: number): void {
    this.counters.set(teamId, value);
  }
}

export class InMemoryLoadSource implements LoadSource {
  private readonly loads = new Map<string, number>();

  constructor(initial?: Iterable<readonly [string, number]>) {
    if (initial) for (const [rep, n] of initial) this.loads.set(rep, n);
  }

  load(repId: string): number {
    return this.loads.get(repId) ?? 0;
  }

  add(repId: string, delta: number): void {
    this.loads.set(repId, Math.max(0, this.load(repId) + delta));
  }

  set(repId: string, value: number): void {
    this.loads.set(repId, value);
  }
}
