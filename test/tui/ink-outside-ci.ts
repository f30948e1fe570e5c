/**
 * Import this FIRST in a test that checks what Ink writes to a terminal. Ink decides once, when
 * it loads, whether it runs in CI (`CI` / `CONTINUOUS_INTEGRATION` set) and there draws only the
 * last frame; the console clears those variables before Ink loads (src/tui/terminal/
 * draw-every-frame.ts), so the repaint tests do the same to test what an admin's terminal gets,
 * also when the suite runs under CI=true.
 */
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
