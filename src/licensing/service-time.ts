/**
 * The licensing service's clock as the console sees it. Expiry ("12 days left") and lapse
 * ("lapsed") are judged by the time the service answered with, not by the PBX's own clock,
 * which may be wrong by weeks on a box without NTP. Pure: no I/O.
 */

/** The service's time now: its answer's time moved on by what elapsed here since the answer came. */
export function serviceClock(serviceTime: string | undefined, receivedAt: Date, localNow: Date = new Date()): Date {
  const answered = serviceTime === undefined ? Number.NaN : Date.parse(serviceTime);
  // An older service sends no time: the local clock is all there is.
  if (Number.isNaN(answered)) return localNow;
  const elapsed = Math.max(0, localNow.getTime() - receivedAt.getTime());
  return new Date(answered + elapsed);
}
