import { ServiceError } from './service-error.js';

/** How failed key and coupon look-ups from one address slow it down. */
export interface ThrottleOptions {
  /** Failures are counted over this sliding window. Default 10 minutes. */
  windowMs: number;
  /** After this many failures each further request waits. Default 5. */
  delayAfter: number;
  /** From this many failures requests are refused with 429. Default 20. */
  blockAfter: number;
  /** First wait; it doubles with each further failure. Default 250 ms. */
  baseDelayMs: number;
  /** Longest wait. Default 4 s. */
  maxDelayMs: number;
  /** Addresses remembered at most; the stalest are forgotten first. Default 10 000. */
  maxAddresses: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  windowMs: 10 * 60 * 1000,
  delayAfter: 5,
  blockAfter: 20,
  baseDelayMs: 250,
  maxDelayMs: 4000,
  maxAddresses: 10_000,
};

/**
 * Counts failed look-ups per address (guessing keys or coupons). Kept in memory: each service
 * instance throttles what it sees. Successes reset nothing, so a valid key in between does not
 * clear a guesser's count.
 */
export class LookupThrottle {
  private readonly options: ThrottleOptions;
  private readonly now: () => number;
  private readonly failures = new Map<string, number[]>();

  constructor(options: Partial<ThrottleOptions> = {}, now: () => number = Date.now) {
    this.options = { ...DEFAULT_THROTTLE, ...options };
    this.now = now;
  }

  /** Failures of an address inside the window, oldest first. */
  private recent(address: string): number[] {
    const list = this.failures.get(address);
    if (!list) return [];
    const since = this.now() - this.options.windowMs;
    const kept = list.filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(address);
    else if (kept.length !== list.length) this.failures.set(address, kept);
    return kept;
  }

  /** Before a request with a key or coupon: wait, or refuse with 429. */
  async admit(address: string): Promise<void> {
    const recent = this.recent(address);
    const { blockAfter, delayAfter, baseDelayMs, maxDelayMs, windowMs } = this.options;
    if (recent.length >= blockAfter) {
      // Retry when enough failures have left the window to fall below the limit.
      const freeAt = recent[recent.length - blockAfter]! + windowMs;
      const seconds = Math.max(1, Math.ceil((freeAt - this.now()) / 1000));
      throw new ServiceError(429, 'too_many_attempts', `Too many failed license key or coupon attempts from this address; try again in ${seconds} s.`, seconds);
    }
    if (recent.length >= delayAfter) {
      const wait = Math.min(maxDelayMs, baseDelayMs * 2 ** (recent.length - delayAfter));
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** After a failed look-up. */
  recordFailure(address: string): void {
    const recent = this.recent(address);
    recent.push(this.now());
    this.failures.delete(address);
    this.failures.set(address, recent);
    if (this.failures.size > this.options.maxAddresses) {
      const stalest = this.failures.keys().next().value;
      if (stalest !== undefined) this.failures.delete(stalest);
    }
  }

  failureCount(address: string): number {
    return this.recent(address).length;
  }
}
