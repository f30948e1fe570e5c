// Time from process start to the console's first USEFUL frame, beside `node -e 0` measured the
// same way (target: within 2.5x). Runs the production bundle (a fresh copy built the same way
// as `npm run build`, see bench/bundle-copy.mjs) in a real pseudo-terminal of 80x24 made by
// `script`, and watches the terminal output for the frame.
//
//   node bench/startup.mjs [runs]        default 21 runs each, median reported
//
// "First useful frame": the header filled in from the PBX store (PBX version, license state)
// AND the first screen's content from the store (on a new PBX: "This PBX is not registered"),
// not a frame of placeholders ("checking...", "Loading..."). That is the figure beside the
// target. Also printed, for comparison: Ink's first frame (header, tabs, footer) whatever it
// holds. Both commands run through the same `script` + `sh` + `stty`
// wrapper and are timed until a marker shows in the pty output, so the wrapper's own cost is
// in both figures. On a busy machine the spread is wide: compare medians of many runs.
//
// Languages (issue 10): the same useful frame in English and in Russian, the language chosen
// each way a person can choose it (--lang, the store's settings.language, LANG), beside the
// same frame with `--lang en` — the choice that reads no store and loads no catalog, so the
// cost of choosing is what the others add to it (target: at most 10%). The markers are the
// catalogs' own words (src/i18n/en.ts, ru.ts), so the Russian frame is found in Russian.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { ROOT, bareInkHello, bundleCopy } from './bundle-copy.mjs';
import { timeInPty } from './pty.mjs';
import { CONSOLE_START_PATH, median, outputOf, printTable, runBundled, startupLoad, staticClosure } from './figures.mjs';

const runs = Number(process.argv[2] ?? 21);

const { en } = await tsImport(join(ROOT, 'src/i18n/en.ts'), import.meta.url);
const { ru } = await tsImport(join(ROOT, 'src/i18n/ru.ts'), import.meta.url);

/**
 * The first frame (header, tabs, footer), and the useful one: the header once the store was
 * read and screen 1's content, in a catalog's words.
 */
function markersOf(messages) {
  const screen = messages.screens.marketplace;
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const label = messages.app.license.label;
  // The first tab has its long title at 80 columns, or its short one when the long ones do not fit.
  const frame = [label, new RegExp(`1 (?:${escape(screen.title)}|${escape(screen.shortTitle)})`)];
  const registered = messages.app.license.registered('').trim();
  // The screen's title up to 40 characters: a longer translation may wrap after that.
  const useful = [...frame, messages.app.pbxVersion('2025.1.120'), new RegExp(`${escape(label)} (?:${escape(messages.app.license.unregistered)}|${escape(registered)})`), screen.unregistered.title.slice(0, 40)];
  return { frame, useful };
}
const EN = markersOf(en);
const RU = markersOf(ru);
const NODE_MARKER = 'node-done';
const HELLO_MARKER = 'Hello, world';

const bundle = await bundleCopy({ cli: 'src/cli.ts' }, 'pbxmod-bench-startup-');
// The choice alone, bundled apart so that the console's own bundle stays as `npm run build` makes it.
const chooser = await bundleCopy({ 'choose-language': 'bench/harness/choose-language.ts' }, 'pbxmod-bench-language-');
/** A store per way of choosing: none chosen (the locale decides), English, Russian. */
const dataDirs = { unset: join(bundle.folder, 'data'), en: join(bundle.folder, 'data-en'), ru: join(bundle.folder, 'data-ru') };
try {
  const pbxmod = (dataDir, args = '') => `exec ${process.execPath} ${join(bundle.folder, 'bin/pbxmod.js')} --data-dir ${dataDir}${args}`;
  const bare = `${process.execPath} -e 0; printf ${NODE_MARKER}`;
  const hello = `exec ${process.execPath} ${await bareInkHello(bundle.folder)}`;
  // The locale of the machine stays out: each variant names its language itself.
  const C = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C' };
  // Warm-up (not counted): creates the PBX store, fills the file cache.
  await timeInPty(pbxmod(dataDirs.unset), [EN.useful], C);
  await timeInPty(bare, [[NODE_MARKER]]);
  await timeInPty(hello, [[HELLO_MARKER]]);
  // The same new store, with settings.language set as `pbxmod config set language` sets it.
  const state = JSON.parse(await readFile(join(dataDirs.unset, 'pbx.json'), 'utf8'));
  for (const language of ['en', 'ru']) {
    await mkdir(dataDirs[language]);
    await writeFile(join(dataDirs[language], 'pbx.json'), JSON.stringify({ ...state, settings: { ...state.settings, language } }, null, 2));
  }

  /** The console started one way: its command, environment and the words of its frame. */
  const variants = [
    { name: '--lang en (the baseline: no store read, no catalog loaded)', command: pbxmod(dataDirs.unset, ' --lang en'), env: C, markers: EN },
    { name: 'nothing chosen, LANG=C: English', command: pbxmod(dataDirs.unset), env: C, markers: EN },
    { name: "store settings.language 'en'", command: pbxmod(dataDirs.en), env: C, markers: EN },
    { name: "store settings.language 'ru'", command: pbxmod(dataDirs.ru), env: C, markers: RU },
    { name: '--lang ru', command: pbxmod(dataDirs.unset, ' --lang ru'), env: C, markers: RU },
    { name: 'LANG=ru_RU.UTF-8', command: pbxmod(dataDirs.unset), env: { ...C, LANG: 'ru_RU.UTF-8' }, markers: RU },
  ];
  for (const variant of variants) await timeInPty(variant.command, [variant.markers.useful], variant.env);

  const node = [];
  const inkHello = [];
  const firstFrame = variants.map(() => []);
  const usefulFrame = variants.map(() => []);
  // Interleaved, so that a burst of load on the machine hits all alike.
  for (let i = 0; i < runs; i++) {
    node.push((await timeInPty(bare, [[NODE_MARKER]]))[0]);
    inkHello.push((await timeInPty(hello, [[HELLO_MARKER]]))[0]);
    // Each round starts with the next variant, so none always runs right after the same one.
    for (let k = 0; k < variants.length; k++) {
      const v = (i + k) % variants.length;
      const variant = variants[v];
      const [frame, useful] = await timeInPty(variant.command, [variant.markers.frame, variant.markers.useful], variant.env);
      firstFrame[v].push(frame);
      usefulFrame[v].push(useful);
    }
  }
  // Today's figure: the console as most people start it, nothing chosen.
  const ratio = median(usefulFrame[1]) / median(node);
  printTable(`startup, 80x24 pty, ${runs} runs each (median, min-max)`, [
    ['node -e 0', range(node)],
    ['bare Ink "Hello, world" bundle, for comparison', `${range(inkHello)}   ${(median(inkHello) / median(node)).toFixed(2)}x`],
    ['pbxmod: first frame (header, tabs, footer; may hold placeholders)', `${range(firstFrame[1])}   ${(median(firstFrame[1]) / median(node)).toFixed(2)}x`],
    ['pbxmod: first USEFUL frame (header and screen 1 from the store)', `${range(usefulFrame[1])}   ${ratio.toFixed(2)}x node -e 0, target <= 2.5x ${ratio <= 2.5 ? 'ok' : 'OVER TARGET'}`],
  ]);
  const baseline = median(usefulFrame[0]);
  const added = variants.map((_, v) => median(usefulFrame[v]) / baseline - 1);
  const worst = Math.max(...added);
  printTable('first USEFUL frame by language and by how it was chosen (median, min-max; added to --lang en, target <= +10%)', [
    ...variants.map((variant, v) => [variant.name, `${range(usefulFrame[v])}   ${v === 0 ? 'baseline' : `${signed(added[v])}  ${added[v] <= 0.1 ? 'ok' : 'OVER TARGET'}`}`]),
    ['en and ru side by side: store en / store ru', `${median(usefulFrame[2]).toFixed(0)} ms / ${median(usefulFrame[3]).toFixed(0)} ms`],
  ]);
  // The choice alone, in fresh processes (interleaved too): what it adds to a start, measured
  // without the noise of a whole console start around it.
  const choices = [
    { name: '--lang en', args: ['en', dataDirs.unset], language: 'en' },
    { name: "store 'en'", args: ['-', dataDirs.en], language: 'en' },
    { name: "store 'ru' (reads the store, loads the Russian catalog)", args: ['-', dataDirs.ru], language: 'ru' },
    { name: '--lang ru', args: ['ru', dataDirs.unset], language: 'ru' },
    { name: 'LANG=ru_RU.UTF-8', args: ['-', dataDirs.unset, 'ru_RU.UTF-8'], language: 'ru' },
  ];
  const choiceMs = choices.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [c, choice] of choices.entries()) {
      const { ms, language } = await runBundled(join(chooser.folder, 'dist/choose-language.js'), choice.args);
      if (language !== choice.language) throw new Error(`${choice.name} chose ${language}, not ${choice.language}`);
      choiceMs[c].push(ms);
    }
  }
  printTable(`the language choice alone, fresh process each (${runs} runs; median, max; share of the baseline's useful frame)`, choices.map((choice, c) => [choice.name, `${median(choiceMs[c]).toFixed(2)} ms (max ${Math.max(...choiceMs[c]).toFixed(1)})   ${((median(choiceMs[c]) / baseline) * 100).toFixed(2)}%`]));

  const load = startupLoad(bundle.meta);
  // What Russian adds: the catalog's chunk and whatever it imports that English did not load.
  const loaded = new Set(CONSOLE_START_PATH.flatMap((entryPoint) => [...staticClosure(bundle.meta, outputOf(bundle.meta, entryPoint))]));
  const russian = [...staticClosure(bundle.meta, outputOf(bundle.meta, 'src/i18n/ru.ts'))].filter((path) => !loaded.has(path));
  printTable('JavaScript loaded before the first frame (esbuild metafile)', [
    ...load.map((step) => [step.name, `${(step.bytes / 1024).toFixed(0)} KiB in ${step.files} file(s): ${step.parts}`]),
    ['+ src/i18n/ru.ts (Russian only)', `${(russian.reduce((sum, path) => sum + bundle.meta.outputs[path].bytes, 0) / 1024).toFixed(0)} KiB in ${russian.length} file(s)`],
  ]);
  if (process.env.BENCH_JSON) {
    const languages = Object.fromEntries(variants.map((variant, v) => [variant.name, median(usefulFrame[v])]));
    const choiceOnly = Object.fromEntries(choices.map((choice, c) => [choice.name, median(choiceMs[c])]));
    console.log(JSON.stringify({ nodeMs: median(node), inkHelloMs: median(inkHello), frameMs: median(firstFrame[1]), usefulFrameMs: median(usefulFrame[1]), ratio, languages, languageAdded: worst, choiceOnly }));
  }
} finally {
  await rm(bundle.folder, { recursive: true, force: true });
  await rm(chooser.folder, { recursive: true, force: true });
}

function signed(fraction) {
  return `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)}%`;
}

function range(values) {
  return `${median(values).toFixed(0)} ms (${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)})`;
}
