/**
 * Ink decides once, when it loads, whether it runs in CI (`CI` or `CONTINUOUS_INTEGRATION`
 * set), and there it draws only the last frame. A console on a real terminal must draw every
 * frame whatever the environment says (a CI job that drives it in tmux, an admin whose shell
 * exports CI), so those variables are cleared before Ink is imported — only when both ends
 * are terminals; without one the console refuses to start anyway.
 */
export function drawEveryFrame(): void {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return;
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
}
