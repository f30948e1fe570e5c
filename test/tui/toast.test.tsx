import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useEffect } from 'react';
import { Text } from 'ink';
import { useToast } from '../../src/tui/components/toast/index.js';
import { toastReducer } from '../../src/tui/components/toast/index.js';
import { renderWidget, waitForFrame } from './helpers.js';

describe('toast', () => {
  test('shows a message, then it fades; a new one replaces it at once', async () => {
    function Screen() {
      const toast = useToast();
      useEffect(() => {
        toast.success('Module enabled');
        toast.error('Download failed');
      }, [toast]);
      return <Text>screen</Text>;
    }
    // renderWidget's toasts last 150 ms.
    const app = renderWidget(<Screen />);
    await waitForFrame(app, (f) => f.includes('✗ Download failed') && !f.includes('Module enabled'), 1000);
    await waitForFrame(app, (f) => !f.includes('Download failed'), 1000);
    app.unmount();
  });

  test('a new toast replaces the one on screen: nothing waits behind it', () => {
    let state = { queue: [], nextId: 1 } as Parameters<typeof toastReducer>[0];
    for (const message of ['a', 'b', 'c', 'd']) state = toastReducer(state, { type: 'show', kind: 'info', message, durationMs: 10, limit: 3 });
    assert.deepEqual(
      state.queue.map((t) => t.message),
      ['d'],
    );
  });
});
