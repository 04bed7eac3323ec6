// The edits of one phase: who sent which id when, and what each probe received of them.
import type { SimClient } from './client';
import { Samples } from './metrics';

/** Grows typed arrays in place: one slot per edit id of the phase. */
class Column<T extends Float64Array | Int32Array> {
  constructor(
    public data: T,
    private readonly make: (size: number) => T,
  ) {}

  set(index: number, value: number) {
    if (index >= this.data.length) {
      const bigger = this.make(Math.max(index + 1, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[index] = value;
  }
}

export class EditLedger {
  /** First edit id of this phase; ids below it belong to an earlier phase. */
  readonly firstId: number;
  private count = 0;
  private readonly sentAt = new Column(new Float64Array(4096), (n) => new Float64Array(n));
  private readonly writer = new Column(new Int32Array(4096), (n) => new Int32Array(n));
  private readonly writerSlot = new Column(new Int32Array(4096), (n) => new Int32Array(n));
  private readonly writerDoc = new Column(new Int32Array(4096), (n) => new Int32Array(n));
  private readonly sentPerDoc = new Map<number, number>();
  private readonly sentPerClient = new Map<number, number>();
  private readonly seen = new Map<number, Set<number>>();
  readonly latency = new Samples();
  /** The part of `latency` whose writer and probe sit on different nodes (several nodes only). */
  readonly crossNodeLatency = new Samples();
  /** Markers a probe found that belong to another document: must stay 0. */
  foreign = 0;
  private open = true;

  constructor(
    firstId: number,
    private readonly nodes = 1,
  ) {
    this.firstId = firstId;
  }

  get sent() {
    return this.count;
  }

  /** Next id to hand out. */
  get nextId() {
    return this.firstId + this.count;
  }

  recordSend(client: SimClient, at: number) {
    const slot = this.count++;
    this.sentAt.set(slot, at);
    this.writer.set(slot, client.plan.index);
    this.writerSlot.set(slot, client.plan.slot);
    this.writerDoc.set(slot, client.plan.doc);
    this.sentPerDoc.set(client.plan.doc, (this.sentPerDoc.get(client.plan.doc) ?? 0) + 1);
    this.sentPerClient.set(client.plan.index, (this.sentPerClient.get(client.plan.index) ?? 0) + 1);
  }

  /** The sink probes call for every marker they find. */
  readonly receive = (probe: SimClient, id: number, at: number) => {
    if (!this.open) return;
    const slot = id - this.firstId;
    if (slot < 0 || slot >= this.count) return; // an earlier phase's edit, or not a marker
    if (this.writerDoc.data[slot] !== probe.plan.doc) {
      this.foreign++;
      return;
    }
    if (this.writer.data[slot] === probe.plan.index) return; // the server echoed our own edit
    let seen = this.seen.get(probe.plan.index);
    if (!seen) {
      seen = new Set();
      this.seen.set(probe.plan.index, seen);
    }
    if (seen.has(id)) return;
    seen.add(id);
    const latency = at - (this.sentAt.data[slot] ?? at);
    this.latency.push(latency);
    const writerNode = (this.writerSlot.data[slot] ?? 0) % this.nodes;
    if (this.nodes > 1 && writerNode !== probe.plan.slot % this.nodes) {
      this.crossNodeLatency.push(latency);
    }
  };

  /** Edits the probes should have received: everything others sent to their documents. */
  expected(probes: SimClient[]): number {
    let total = 0;
    for (const probe of probes) {
      total +=
        (this.sentPerDoc.get(probe.plan.doc) ?? 0) -
        (this.sentPerClient.get(probe.plan.index) ?? 0);
    }
    return total;
  }

  delivered(): number {
    return this.latency.length;
  }

  /** Stops counting; later receipts are late and count as lost. */
  close() {
    this.open = false;
  }
}
