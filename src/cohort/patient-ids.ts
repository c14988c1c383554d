// The ids a cohort stream has settled (M6: each patient once), with the position of each
// one's first record. A million-patient stream keeps a million ids: in a Map that is a
// million retained strings and a growing table of heap entries, and profiling showed the
// check costing more than the settlement's arithmetic. Here the ids are copied into one
// growing array of UTF-16 code units and found through an open-addressing table of
// integers, so the garbage collector sees a handful of typed arrays. Exact: a hash match
// is confirmed by comparing the code units, never taken on trust.

const EMPTY = 0;

/** A set of patient ids with the index of each one's first record. */
export class PatientIds {
  /** Open-addressing table of pairs (hash, entry number + 1 or EMPTY): a probe reads one cache line. */
  private slots = new Int32Array(2 << 10);
  private mask = (1 << 10) - 1;
  /** Per entry: where its code units start (and the next one's, where it ends), and the first index. */
  private starts = new Int32Array(1 << 9);
  private firsts = new Float64Array(1 << 9);
  private units = new Uint16Array(1 << 12);
  private used = 0;
  private count = 0;

  /** The number of ids held. */
  get size(): number {
    return this.count;
  }

  /**
   * The index recorded for `id` if it is already held; otherwise records `index` for it
   * and returns -1.
   */
  firstOrAdd(id: string, index: number): number {
    const n = id.length;
    // FNV-1a over the UTF-16 code units.
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    const mask = this.mask;
    let s = (h ^ (h >>> 15)) & mask;
    const slots = this.slots;
    for (;;) {
      const e = slots[2 * s + 1]!;
      if (e === EMPTY) break;
      if (slots[2 * s] === h && this.sameAs(e - 1, id)) return this.firsts[e - 1]!;
      s = (s + 1) & mask;
    }
    const k = this.count;
    if (k + 1 >= this.firsts.length) this.growEntries();
    if (this.used + n > this.units.length) this.growUnits(this.used + n);
    const units = this.units;
    const at = this.used;
    for (let i = 0; i < n; i++) units[at + i] = id.charCodeAt(i);
    this.starts[k] = at;
    this.starts[k + 1] = at + n;
    this.firsts[k] = index;
    this.used = at + n;
    this.count = k + 1;
    slots[2 * s] = h;
    slots[2 * s + 1] = k + 1;
    // Load factor ≤ 1/2 keeps the probes short; the table grows fourfold, so a million
    // ids are rehashed about 1.3 times in all rather than twice.
    if (this.count * 2 > mask) this.growSlots();
    return -1;
  }

  private sameAs(k: number, id: string): boolean {
    const a = this.starts[k]!;
    const n = this.starts[k + 1]! - a;
    if (n !== id.length) return false;
    const units = this.units;
    for (let i = 0; i < n; i++) if (units[a + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  private growEntries(): void {
    const size = this.firsts.length * 4;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const firsts = new Float64Array(size);
    firsts.set(this.firsts);
    this.starts = starts;
    this.firsts = firsts;
  }

  private growUnits(needed: number): void {
    let size = this.units.length * 4;
    while (size < needed) size *= 2;
    const units = new Uint16Array(size);
    units.set(this.units.subarray(0, this.used));
    this.units = units;
  }

  private growSlots(): void {
    const mask = this.mask * 4 + 3;
    const old = this.slots;
    const slots = new Int32Array(2 * (mask + 1));
    for (let i = 0; i < old.length; i += 2) {
      const k = old[i + 1]! - 1;
      if (k < 0) continue;
      const h = old[i]!;
      let s = (h ^ (h >>> 15)) & mask;
      while (slots[2 * s + 1] !== EMPTY) s = (s + 1) & mask;
      slots[2 * s] = h;
      slots[2 * s + 1] = k + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
