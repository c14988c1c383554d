// Progress on standard error for long runs: drawn when stderr is a terminal, or when
// --progress asks for it (then also into a pipe or a log file, a line every second).
// Never on standard output, which carries the results.
import cliProgress from "cli-progress";

/** A progress reporter; `update` is cheap to call often. */
export interface Progress {
  update(done: number, total: number | null, info?: Record<string, string | number>): void;
  stop(): void;
}

const NONE: Progress = { update() {}, stop() {} };

/** A bar on stderr when `enabled` (default: stderr is a TTY), else a no-op. */
export function progressBar(options: { label: string; unit: string; enabled: boolean | undefined; tty: boolean; stream?: NodeJS.WritableStream }): Progress {
  const on = options.enabled ?? options.tty;
  if (!on) return NONE;
  const bar = new cliProgress.SingleBar(
    {
      stream: (options.stream ?? process.stderr) as NodeJS.WriteStream,
      format: `${options.label} [{bar}] {percentage}% | {value}/{total} ${options.unit} | {patients} | {duration_formatted}`,
      noTTYOutput: !options.tty,
      notTTYSchedule: 1000,
      hideCursor: options.tty,
      etaBuffer: 20,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, info = {}) {
      const payload = { patients: "", ...info };
      if (!started) {
        bar.start(total ?? Math.max(done, 1), done, payload);
        started = true;
      } else {
        if (total === null) bar.setTotal(Math.max(done, 1));
        bar.update(done, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
