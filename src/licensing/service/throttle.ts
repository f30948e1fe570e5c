import { ServiceError } from './service-error.js';

/** How failed look-ups (guessed keys or coupons) slow an address down, and all addresses together. */
export interface ThrottleOptions {
  /** Failures are counted over this sliding window. Default 10 minutes. */
  windowMs: number;
  /** After this many failures each further request waits. Default 5. */
  delayAfter: number;
  /**
   * From this many failures plus requests still in flight, requests are refused with 429.
   * Requests in flight count as failures until they are known not to be, so a burst sent at
   * once is judged like the same requests sent one by one. Default 20.
   */
  blockAfter: number;
  /** First wait; it doubles with each further failure. Default 250 ms. */
  baseDelayMs: number;
  /** Longest wait. Default 4 s. */
  maxDelayMs: number;
  /** Addresses remembered at most; the stalest are forgotten first. Default 10 000. */
  maxAddresses: number;
  /**
   * Failures (plus requests in flight) of all addresses together, per `globalWindowMs`, from
   * which addresses without a recent success are refused: rotating addresses buys no more
   * guesses, and PBXs that use their keys keep working. Default 300.
   */
  globalCeiling: number;
  /** Default 1 minute. */
  globalWindowMs: number;
  /** The 429's sentence. */
  refusal: string;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  windowMs: 10 * 60 * 1000,
  delayAfter: 5,
  blockAfter: 20,
  baseDelayMs: 250,
  maxDelayMs: 4000,
  maxAddresses: 10_000,
  globalCeiling: 300,
  globalWindowMs: 60 * 1000,
  refusal: 'Too many failed license key or coupon attempts from this address',
};

/** Registration: every attempt counts (a registration has no "failure" to wait for). */
export const DEFAULT_REGISTRATION_THROTTLE: Partial<ThrottleOptions> = {
  windowMs: 60 * 60 * 1000,
  delayAfter: 5,
  blockAfter: 10,
  globalCeiling: 600,
  globalWindowMs: 60 * 60 * 1000,
  refusal: 'Too many registrations from this address',
};

/** New trial keys per address. */
export const DEFAULT_TRIAL_THROTTLE: Partial<ThrottleOptions> = {
  windowMs: 24 * 60 * 60 * 1000,
  delayAfter: 1_000_000,
  blockAfter: 3,
  globalCeiling: 1_000,
  globalWindowMs: 60 * 60 * 1000,
  refusal: 'This address has had its trial keys for today',
};

/** One admitted request; `finish` once when its outcome is known. */
export interface ThrottleTicket {
  finish(failed: boolean): void;
}

/**
 * Counts failures per address and in total, in memory: each service instance throttles what
 * it sees. Successes reset nothing, so a valid key in between does not clear a guesser's count.
 */
export class LookupThrottle {
  readonly options: ThrottleOptions;
  private readonly now: () => number;
  private readonly failures = new Map<string, number[]>();
  private readonly inFlight = new Map<string, number>();
  private globalFailures: number[] = [];
  /** Requests in flight from addresses without a recent success. */
  private globalPending = 0;
  /** Addresses with a recent success, oldest first. */
  private readonly good = new Map<string, number>();

  constructor(options: Partial<ThrottleOptions> = {}, now: () => number = Date.now) {
    this.options = { ...DEFAULT_THROTTLE, ...options };
    this.now = now;
  }

  /** Failures of an address inside the window, oldest first. */
  private recent(address: string): number[] {
    const list = this.failures.get(address);
    if (!list) return [];
    const since = this.now() - this.options.windowMs;
    if (list[0]! > since) return list;
    const kept = list.filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(address);
    else this.failures.set(address, kept);
    return kept;
  }

  private recentGlobal(): number[] {
    const since = this.now() - this.options.globalWindowMs;
    if (this.globalFailures.length > 0 && this.globalFailures[0]! <= since) this.globalFailures = this.globalFailures.filter((t) => t > since);
    return this.globalFailures;
  }

  private isGood(address: string): boolean {
    const at = this.good.get(address);
    if (at === undefined) return false;
    if (at > this.now() - this.options.windowMs) return true;
    this.good.delete(address);
    return false;
  }

  private refuse(seconds: number, why: string): never {
    throw new ServiceError(429, 'too_many_attempts', `${this.options.refusal}${why}; try again in ${seconds} s.`, seconds);
  }

  /** Before a request with a key or coupon: wait, or refuse with 429. Synchronous up to the wait, so a burst is counted as it arrives. */
  async admit(address: string): Promise<ThrottleTicket> {
    const { blockAfter, delayAfter, baseDelayMs, maxDelayMs, windowMs, globalCeiling, globalWindowMs } = this.options;
    const recent = this.recent(address);
    const pending = this.inFlight.get(address) ?? 0;
    if (recent.length + pending >= blockAfter) {
      // Retry when enough failures have left the window to fall below the limit.
      const oldest = recent.length >= blockAfter ? recent[recent.length - blockAfter]! : recent[0];
      const seconds = oldest === undefined ? 1 : Math.max(1, Math.ceil((oldest + windowMs - this.now()) / 1000));
      this.refuse(seconds, '');
    }
    const good = this.isGood(address);
    if (!good) {
      const global = this.recentGlobal();
      if (global.length + this.globalPending >= globalCeiling) {
        const seconds = global[0] === undefined ? 1 : Math.max(1, Math.ceil((global[0] + globalWindowMs - this.now()) / 1000));
        this.refuse(seconds, ' and from all addresses together');
      }
      this.globalPending++;
    }
    this.inFlight.set(address, pending + 1);
    let finished = false;
    const ticket: ThrottleTicket = {
      finish: (failed) => {
        if (finished) return;
        finished = true;
        const left = (this.inFlight.get(address) ?? 1) - 1;
        if (left <= 0) this.inFlight.delete(address);
        else this.inFlight.set(address, left);
        if (!good) this.globalPending--;
        if (failed) this.recordFailure(address);
        else this.recordSuccess(address);
      },
    };
    if (recent.length >= delayAfter) {
      const wait = Math.min(maxDelayMs, baseDelayMs * 2 ** (recent.length - delayAfter));
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    return ticket;
  }

  /** After a failed look-up. */
  recordFailure(address: string): void {
    const recent = this.recent(address);
    const at = this.now();
    recent.push(at);
    this.failures.delete(address);
    this.failures.set(address, recent);
    this.recentGlobal().push(at);
    if (this.failures.size > this.options.maxAddresses) {
      const stalest = this.failures.keys().next().value;
      if (stalest !== undefined) this.failures.delete(stalest);
    }
  }

  private recordSuccess(address: string): void {
    this.good.delete(address);
    this.good.set(address, this.now());
    if (this.good.size > this.options.maxAddresses) {
      const stalest = this.good.keys().next().value;
      if (stalest !== undefined) this.good.delete(stalest);
    }
  }

  failureCount(address: string): number {
    return this.recent(address).length;
  }
}
