import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, watch } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { StoreError } from '../../src/domain/errors.js';
import { JsonFileStore, type Migration } from '../../src/store/json-file.js';
import { processStartTime } from '../../src/store/process-lock.js';
import { counterStateSchema, openCounterStore } from './fixtures/counter-store.js';
import { startFixture, type Child } from './fixtures/children.js';
import { expectStoreError, leftoverTempFiles, tempDir } from './fixtures/temp-dir.js';

const isRoot = process.getuid?.() === 0;

/** Kills `writer` as soon as a temp file of its own shows in `dir` (inotify), before it is renamed. */
function killOnTempFile(dir: string, writer: Child): Promise<void> {
  const own = `.${writer.process.pid}.`;
  return new Promise<void>((resolve) => {
    const watcher = watch(dir, (_event, name) => {
      if (!name?.includes(own) || !name.endsWith('.tmp')) return;
      writer.process.kill('SIGKILL');
      watcher.close();
      resolve();
    });
    void writer.exited.then(() => {
      watcher.close();
      resolve();
    });
  });
}

/** The lock file next to the store; a killed holder leaves it behind. */
const lockFileOf = (file: string): string => `${file}.lock`;

test('kill -9 in the middle of writes leaves the previous or the next whole version, never a broken file', { timeout: 30_000 }, async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'counter.json');
  const payloadItems = 10_000; // about 2 MB of JSON per version
  await openCounterStore(file).update(() => undefined);

  const rounds = { done: 0, commits: 0, tempLeftBehind: 0, killedAfterRename: 0 };
  const deadline = Date.now() + 10_000;
  let previous = 0;
  // Writers start ahead of their round, so the tsx start-up of one overlaps the rounds before it.
  const startWriter = (): Child => startFixture('write-forever.ts', [file, String(payloadItems)]);
  const spares: Child[] = [startWriter(), startWriter()];
  try {
    while (rounds.done < 30 && (Date.now() < deadline || rounds.done < 8)) {
      const writer = spares.shift()!;
      spares.push(startWriter());
      await writer.waitForLine('ready');
      // Every third round kills the writer the moment its temp file appears, so some kills land
      // inside a write however fast or slow the machine is; the others kill at a random moment.
      const killedOnTempFile = rounds.done % 3 === 2 ? killOnTempFile(dir, writer) : undefined;
      writer.process.stdin?.end('go\n');
      if (killedOnTempFile) await killedOnTempFile;
      else {
        // Every other round lets the writer save once first, so kills also hit a running loop.
        if (rounds.done % 2 === 1) await writer.waitForLine(`committed ${previous + 1}`);
        await sleep(Math.random() * 600);
        writer.process.kill('SIGKILL');
      }
      const { signal, stderr } = await writer.exited;
      assert.equal(signal, 'SIGKILL', `the writer died by itself: ${stderr}`);

      const committed = writer.lines.filter((l) => l.startsWith('committed ')).map((l) => Number(l.slice('committed '.length)));
      const lastCommitted = committed.at(-1) ?? previous;
      rounds.commits += committed.length;

      const text = await readFile(file, 'utf8');
      const onDisk = counterStateSchema.parse(JSON.parse(text));
      assert.ok(
        onDisk.counter === lastCommitted || onDisk.counter === lastCommitted + 1,
        `round ${rounds.done}: file holds counter ${onDisk.counter}, the writer last committed ${lastCommitted}`,
      );
      assert.ok(onDisk.counter >= previous, `round ${rounds.done}: counter went back from ${previous} to ${onDisk.counter}`);
      if (onDisk.counter > 0) {
        assert.equal(onDisk.payload.length, payloadItems);
        assert.ok(onDisk.payload.every((item) => item.startsWith(`${onDisk.counter}:`)), 'payload mixes two versions');
      }
      if (onDisk.counter === lastCommitted + 1) rounds.killedAfterRename++;
      assert.equal((await stat(file)).mode & 0o777, 0o600);
      assert.deepEqual(await openCounterStore(file).read(), onDisk);

      if ((await leftoverTempFiles(dir)).length > 0) {
        rounds.tempLeftBehind++;
        await openCounterStore(file).update(() => undefined);
        assert.deepEqual(await leftoverTempFiles(dir), [], 'the next update should remove temp files of killed writers');
        assert.equal(await readFile(file, 'utf8'), text, 'a no-op update keeps the same content');
      }
      // The killed writer may have died holding the lock: the next writer takes it over at once.
      const next = Date.now();
      await openCounterStore(file, 1_000).update(() => undefined);
      assert.ok(Date.now() - next < 1_000, `round ${rounds.done}: the next writer waited ${Date.now() - next} ms for a dead writer's lock`);
      previous = onDisk.counter;
      rounds.done++;
    }
  } finally {
    for (const spare of spares) spare.process.kill('SIGKILL');
    await Promise.all(spares.map((spare) => spare.exited));
  }
  t.diagnostic(`rounds ${rounds.done}, commits ${rounds.commits}, kills that left a temp file ${rounds.tempLeftBehind}, kills after rename ${rounds.killedAfterRename}`);
  assert.ok(rounds.commits > 0, 'the writers never saved anything: the test proved nothing');
  assert.ok(rounds.tempLeftBehind > 0, 'no kill landed in the middle of a write: the test proved nothing');
});

test('several processes incrementing at once lose no update', { timeout: 20_000 }, async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'counter.json');
  const writers = ['a', 'b', 'c'];
  const perWriter = 100;
  const children = writers.map((name) => startFixture('increment.ts', [file, name, String(perWriter)]));
  try {
    await Promise.all(children.map((c) => c.waitForLine('ready')));
    for (const c of children) c.process.stdin?.end('go\n');
    const results = await Promise.all(children.map((c) => c.exited));
    for (const r of results) assert.equal(r.code, 0, r.stderr);
  } finally {
    for (const c of children) c.process.kill('SIGKILL');
  }

  const state = await openCounterStore(file).read();
  assert.equal(state.counter, writers.length * perWriter);
  assert.equal(state.entries.length, writers.length * perWriter);
  for (const name of writers) {
    const own = state.entries.filter((e) => e.startsWith(`${name}:`));
    assert.deepEqual(own, Array.from({ length: perWriter }, (_, i) => `${name}:${i}`), `writer ${name} lost or reordered updates`);
  }
  // The writers really interleaved, so the lock was tested, not a queue of one-at-a-time runs.
  const switches = state.entries.filter((e, i) => i > 0 && e[0] !== state.entries[i - 1]?.[0]).length;
  assert.ok(switches >= writers.length, `writers took turns only ${switches} times`);
  assert.deepEqual(await leftoverTempFiles(dir), []);
});

// A test chain of three formats: v1 { title } → v2 { name } → v3 { name, tags }.
const placeV3Schema = z.object({ schemaVersion: z.literal(3), name: z.string(), tags: z.array(z.string()) });
type PlaceV3 = z.infer<typeof placeV3Schema>;

function openPlaceStore(file: string, migrations: Record<number, Migration>): JsonFileStore<PlaceV3> {
  return new JsonFileStore<PlaceV3>({
    file,
    label: 'test place store',
    currentVersion: 3,
    migrations,
    schema: placeV3Schema,
    create: () => ({ schemaVersion: 3, name: 'new', tags: [] }),
  });
}

function placeMigrations(calls: number[]): Record<number, Migration> {
  return {
    1: ({ title, ...rest }) => {
      calls.push(1);
      return { ...rest, name: title };
    },
    2: (data) => {
      calls.push(2);
      return { ...data, tags: [] };
    },
  };
}

test('an old file is read migrated and saved migrated at the next update', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'place.json');
  const v1 = `${JSON.stringify({ schemaVersion: 1, title: 'Main office' })}\n`;
  await writeFile(file, v1, { mode: 0o600 });
  const calls: number[] = [];
  const store = openPlaceStore(file, placeMigrations(calls));

  assert.deepEqual(await store.read(), { schemaVersion: 3, name: 'Main office', tags: [] });
  assert.deepEqual(calls, [1, 2]);
  assert.equal(await readFile(file, 'utf8'), v1, 'reading alone does not rewrite the file');

  await store.update((place) => {
    place.tags.push('hq');
  });
  assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), { schemaVersion: 3, name: 'Main office', tags: ['hq'] });

  calls.length = 0;
  assert.deepEqual(await openPlaceStore(file, placeMigrations(calls)).read(), { schemaVersion: 3, name: 'Main office', tags: ['hq'] });
  assert.deepEqual(calls, [], 'a current file runs no migration');
});

test('a file in the middle of the chain runs only the steps it needs', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'place.json');
  await writeFile(file, JSON.stringify({ schemaVersion: 2, name: 'Branch' }), { mode: 0o600 });
  const calls: number[] = [];
  assert.deepEqual(await openPlaceStore(file, placeMigrations(calls)).read(), { schemaVersion: 3, name: 'Branch', tags: [] });
  assert.deepEqual(calls, [2]);
});

test('a gap in the migration chain is a store_no_migration error and the file stays untouched', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'place.json');
  const v1 = JSON.stringify({ schemaVersion: 1, title: 'Main office' });
  await writeFile(file, v1, { mode: 0o600 });
  const { 2: onlyStepTwo } = placeMigrations([]);
  const store = openPlaceStore(file, { 2: onlyStepTwo! });

  const readError = await expectStoreError(store.read(), 'store_no_migration', file);
  assert.match(readError.message, /format 1/);
  let changed = false;
  await expectStoreError(
    store.update(() => {
      changed = true;
    }),
    'store_no_migration',
    file,
  );
  assert.equal(changed, false);
  assert.equal(await readFile(file, 'utf8'), v1);
});

test('an update whose change throws writes nothing and leaves no trace in later reads', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'counter.json');
  const store = openCounterStore(file);
  await store.update((s) => {
    s.counter = 5;
  });
  const before = await readFile(file);
  const boom = new Error('boom');

  await assert.rejects(
    store.update((s) => {
      s.counter = 99;
      s.entries.push('half-done');
      throw boom;
    }),
    (error) => error === boom,
  );
  assert.deepEqual(await readFile(file), before);
  assert.deepEqual(await leftoverTempFiles(dir), []);
  assert.equal((await store.read()).counter, 5);
  assert.deepEqual((await store.read()).entries, []);
});

test('an update that throws on a store with no file yet creates nothing and is forgotten', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'counter.json');
  const store = openCounterStore(file);

  await assert.rejects(
    store.update((s) => {
      s.counter = 99;
      throw new Error('boom');
    }),
    /boom/,
  );
  await assert.rejects(stat(file), { code: 'ENOENT' });
  assert.equal((await store.read()).counter, 0, 'the half-made change must not come back from memory');
});

test('an update that makes data failing the schema is refused with store_invalid_write and writes nothing', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'counter.json');
  const store = openCounterStore(file);
  await store.update((s) => {
    s.counter = 7;
  });
  const before = await readFile(file);

  const error = await expectStoreError(
    store.update((s) => {
      s.counter = -1;
    }),
    'store_invalid_write',
    file,
  );
  assert.match(error.hint ?? '', /Nothing was changed/);
  await expectStoreError(
    store.update((s) => {
      (s as { entries: unknown }).entries = 'not a list';
    }),
    'store_invalid_write',
    file,
  );
  assert.deepEqual(await readFile(file), before);
  assert.deepEqual(await leftoverTempFiles(dir), []);
  assert.equal((await store.read()).counter, 7);
});

test('an update waits while another process holds the lock, then saves on top of its change', { timeout: 10_000 }, async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'counter.json');
  const holder = startFixture('hold-lock.ts', [file, '1500']);
  t.after(() => holder.process.kill('SIGKILL'));
  await holder.waitForLine('locked');

  const started = Date.now();
  await openCounterStore(file).update((s) => {
    s.counter += 1;
    s.entries.push('waiter');
  });
  const waited = Date.now() - started;

  assert.ok(waited >= 1000, `the update went ahead after ${waited} ms, while the lock was held`);
  assert.equal((await holder.exited).code, 0);
  const state = await openCounterStore(file).read();
  assert.deepEqual(state.entries, ['holder', 'waiter']);
  assert.equal(state.counter, 2);
});

test('with a short lockWaitMs an update gives up on a held lock with store_busy', { timeout: 10_000 }, async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'counter.json');
  await openCounterStore(file).update(() => undefined);
  const holder = startFixture('hold-lock.ts', [file, '5000']);
  t.after(async () => {
    holder.process.kill('SIGKILL');
    await holder.exited;
  });
  await holder.waitForLine('locked');
  const before = await readFile(file);

  const started = Date.now();
  let changed = false;
  const error = await expectStoreError(
    openCounterStore(file, 200).update(() => {
      changed = true;
    }),
    'store_busy',
    file,
  );
  const waited = Date.now() - started;
  assert.ok(waited >= 200 && waited < 2000, `gave up after ${waited} ms`);
  assert.match(error.message, /locked by another pbxmod process/);
  assert.match(error.hint ?? '', /try again/);
  assert.equal(changed, false);
  assert.deepEqual(await readFile(file), before);
});

test('a lock left by a killed process is taken over at once; one of a live process is respected', { timeout: 10_000 }, async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'counter.json');
  const holder = startFixture('hold-lock.ts', [file, '60000']);
  await holder.waitForLine('locked');
  // Alive: a writer with a short wait gives up, naming the holder.
  const busy = await expectStoreError(openCounterStore(file, 200).update(() => undefined), 'store_busy', file);
  assert.match(busy.message, new RegExp(`pid ${holder.process.pid}`));
  holder.process.kill('SIGKILL');
  await holder.exited;

  const started = Date.now();
  await openCounterStore(file, 1_000).update((s) => {
    s.counter += 1;
  });
  assert.ok(Date.now() - started < 1_000, `the dead holder's lock held the next writer for ${Date.now() - started} ms`);
  assert.equal((await openCounterStore(file).read()).counter, 1);
  assert.equal(existsSync(lockFileOf(file)), false, 'the lock is released after the update');
});

test('a lock whose pid now belongs to another process (a reused pid) is taken over at once', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'counter.json');
  await openCounterStore(file).update(() => undefined);
  // Our own pid, but a start time no process with this pid had: the holder that wrote it is gone.
  const owner = { pid: process.pid, startTime: '1', host: hostname(), bootId: null, nonce: 'dead', since: new Date().toISOString() };
  await writeFile(lockFileOf(file), JSON.stringify(owner));
  const started = Date.now();
  await openCounterStore(file, 1_000).update((s) => {
    s.counter += 1;
  });
  assert.ok(Date.now() - started < 1_000);
  // The same file with the real start time is a live holder: respected.
  await writeFile(lockFileOf(file), JSON.stringify({ ...owner, startTime: processStartTime(process.pid) }));
  await expectStoreError(openCounterStore(file, 200).update(() => undefined), 'store_busy', file);
});

test('a store path under a regular file gives a StoreError with a hint, for read and update', async (t) => {
  const dir = await tempDir(t);
  const notADirectory = join(dir, 'data');
  await writeFile(notADirectory, 'I am a file');
  const file = join(notADirectory, 'counter.json');
  const store = openCounterStore(file);

  const readError = await expectStoreError(store.read(), 'store_io_enotdir', file);
  assert.match(readError.hint ?? '', /not a directory/);
  // mkdir -p names the same problem EEXIST.
  const updateError = await store.update(() => undefined).catch((e: unknown) => e);
  assert.ok(updateError instanceof StoreError, `expected a StoreError, got ${String(updateError)}`);
  assert.match(String(updateError.code), /^store_io_(enotdir|eexist)$/);
  assert.ok(updateError.message.includes(file));
  assert.match(updateError.hint ?? '', /not a directory/);
  assert.equal(await readFile(notADirectory, 'utf8'), 'I am a file');
});

test('a store path that is a directory gives a StoreError with a hint', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'counter.json');
  await mkdir(file);
  const store = openCounterStore(file);

  await expectStoreError(store.read(), 'store_io_eisdir', file);
  await expectStoreError(store.update(() => undefined), 'store_io_eisdir', file);
  assert.ok((await stat(file)).isDirectory());
});

/**
 * A data directory this process cannot write to. root ignores chmod, so as root (CI runs as
 * root) the directory becomes a read-only bind mount of itself: EROFS instead of EACCES, the same
 * refusal with its own advice.
 */
async function readOnlyDirectory(dir: string): Promise<{ code: string; hint: RegExp; undo: () => Promise<void> }> {
  if (!isRoot) {
    await chmod(dir, 0o500);
    return { code: 'store_io_eacces', hint: /permissions/, undo: () => chmod(dir, 0o700) };
  }
  execFileSync('mount', ['--bind', dir, dir]);
  try {
    execFileSync('mount', ['-o', 'remount,ro,bind', dir, dir]);
  } catch (error) {
    execFileSync('umount', [dir]);
    throw error;
  }
  return { code: 'store_io_erofs', hint: /Remount it read-write, or choose another data directory/, undo: async () => void execFileSync('umount', [dir]) };
}

test('a read-only data directory refuses updates with a hint and keeps the file', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'counter.json');
  await openCounterStore(file).update((s) => {
    s.counter = 3;
  });
  const before = await readFile(file);
  const readOnly = await readOnlyDirectory(dir);
  try {
    // Proof the directory is really read-only for this process, whoever it runs as.
    await assert.rejects(writeFile(join(dir, 'probe'), 'x'), /EACCES|EROFS/);
    const error = await expectStoreError(openCounterStore(file).update(() => undefined), readOnly.code, file);
    assert.match(error.hint ?? '', readOnly.hint);
    assert.deepEqual(await readFile(file), before);
    assert.equal((await openCounterStore(file).read()).counter, 3, 'reading still works');
  } finally {
    await readOnly.undo();
  }
});

/**
 * A store file this process cannot read. As root, chmod cannot do it; a write-only sysctl
 * (mode 0200) refuses even root. The store only ever reads it: updates write a temp file and
 * rename, which /proc refuses before anything is written.
 */
test('an unreadable store file gives store_io_eacces with a permissions hint', async (t) => {
  let file: string;
  if (isRoot) {
    file = '/proc/sys/vm/drop_caches';
    await assert.rejects(readFile(file), /EACCES/, 'root cannot read it either');
  } else {
    const dir = await tempDir(t);
    file = join(dir, 'counter.json');
    await openCounterStore(file).update(() => undefined);
    await chmod(file, 0o000);
  }
  const modeBefore = (await stat(file)).mode & 0o777;
  const error = await expectStoreError(openCounterStore(file).read(), 'store_io_eacces', file);
  assert.match(error.hint ?? '', /permissions/);
  const updateError = await openCounterStore(file)
    .update(() => undefined)
    .catch((e: unknown) => e);
  assert.ok(updateError instanceof StoreError, `the update is refused too, got ${String(updateError)}`);
  // As a user the refusal is the unreadable file; as root under /proc, the lock that cannot be made.
  assert.match(String(updateError.code), isRoot ? /^store_io_/ : /^store_io_eacces$/);
  assert.equal((await stat(file)).mode & 0o777, modeBefore, 'the file was not replaced');
});
