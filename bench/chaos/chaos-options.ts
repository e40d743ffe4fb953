export interface ChaosOptions {
  tasks: number;
  /** Seconds of faults (kills, Redis and PostgreSQL restarts). */
  durationS: number;
  killEveryS: number;
  /**
   * Longest wait for the backlog after the last fault. Deliveries count as on time within 5 minutes
   * of the last fault; waiting longer tells a late delivery from a lost one.
   */
  settleS: number;
  /** Keep the temporary data directories (for a post-mortem). */
  keep: boolean;
}

export const CHAOS_DEFAULTS: ChaosOptions = { tasks: 10_000, durationS: 180, killEveryS: 10, settleS: 900, keep: false };

const USAGE = 'usage: npm run chaos -- [--tasks 10000] [--duration 180] [--kill-every 10] [--settle 900] [--keep]';

export function parseChaosOptions(args: string[]): ChaosOptions {
  const options = { ...CHAOS_DEFAULTS };
  const number = (flag: string, value: string | undefined, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw usage(`${flag} needs a whole number ≥ ${min}`);
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? args[++i];
    switch (flag) {
      case '--tasks':
        options.tasks = number(flag, value(), 10);
        break;
      case '--duration':
        options.durationS = number(flag, value(), 20);
        break;
      case '--kill-every':
        options.killEveryS = number(flag, value(), 2);
        break;
      case '--settle':
        options.settleS = number(flag, value(), 10);
        break;
      case '--keep':
        options.keep = true;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
      default:
        throw usage(`unknown option ${flag}`);
    }
  }
  return options;
}

function usage(problem: string): Error {
  return new Error(`${problem}\n${USAGE}`);
}
