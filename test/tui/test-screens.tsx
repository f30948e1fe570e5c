import { useState } from 'react';
import { Box, Text } from 'ink';
import { Banner } from '../../src/tui/components/banner/index.js';
import { BusyLine } from '../../src/tui/components/busy-line/index.js';
import { useConfirm } from '../../src/tui/components/confirm/index.js';
import { Form } from '../../src/tui/components/form/index.js';
import { ProgressBar } from '../../src/tui/components/progress/index.js';
import { useToast } from '../../src/tui/components/toast/index.js';
import { Table, type TableColumn } from '../../src/tui/components/table/index.js';
import { useScreenKeys } from '../../src/tui/frame/screen-keys.js';
import { KeyPriority, useKeyLayer } from '../../src/tui/hooks/use-keymap.js';
import type { ScreenDefinition, ScreenProps } from '../../src/tui/screens/index.js';

interface Item {
  id: string;
  name: string;
}

const items: Item[] = Array.from({ length: 50 }, (_, i) => ({ id: `m${i}`, name: `Module${String(i).padStart(2, '0')}` }));
const columns: TableColumn<Item>[] = [{ title: 'Name', value: (r) => r.name }];

/** A list screen that counts Esc ("back") so tests can see it. */
function ListScreen({ width, height }: ScreenProps) {
  const [backs, setBacks] = useState(0);
  const [current, setCurrent] = useState<string | undefined>();
  useKeyLayer(
    (e) => {
      if (!e.is('basic.back')) return false;
      setBacks((n) => n + 1);
      return true;
    },
    { priority: KeyPriority.screen },
  );
  return (
    <Box flexDirection="column">
      <Text>{`backs=${backs} current=${current ?? '-'}`}</Text>
      <Table columns={columns} rows={items} rowKey={(r) => r.id} width={width} height={height - 1} onCursorChange={(r) => setCurrent(r?.name)} />
    </Box>
  );
}

function FormScreen({ width }: ScreenProps) {
  const [submitted, setSubmitted] = useState('');
  const [cancelled, setCancelled] = useState(0);
  return (
    <Box flexDirection="column">
      <Text>{`submitted=${submitted} cancelled=${cancelled}`}</Text>
      <Form
        fields={[
          { name: 'company', label: 'Company' },
          { name: 'email', label: 'Email' },
        ]}
        validate={(v) => ({ email: v.email && !v.email.includes('@') ? 'Enter an email address.' : undefined })}
        onSubmit={(v) => setSubmitted(`${v.company}|${v.email}`)}
        onCancel={() => setCancelled((n) => n + 1)}
        submitLabel="Saving"
        width={width}
      />
    </Box>
  );
}

/** Keys that depend on the screen's state go to the frame with useScreenKeys. */
function Blank() {
  const [mode, setMode] = useState<'list' | 'details'>('list');
  useKeyLayer((e) => {
    if (e.input !== 'o') return false;
    setMode((m) => (m === 'list' ? 'details' : 'list'));
    return true;
  });
  useScreenKeys(mode === 'list' ? [{ keys: 'o', description: 'open details', footer: true }] : [{ keys: 'o', description: 'back to the list', footer: true }]);
  return <Text>{`blank screen ${mode}`}</Text>;
}

export const testScreens: ScreenDefinition[] = [
  {
    id: 'list',
    title: () => 'List screen',
    shortTitle: () => 'List',
    component: ListScreen,
    keys: () => [
      { command: 'nav.down', description: 'move down the list', footer: true },
      { command: 'basic.confirm', description: 'open the module', footer: true },
      { keys: 'd', description: 'delete the module' },
    ],
  },
  { id: 'form', title: () => 'Form screen', shortTitle: () => 'Form', component: FormScreen, keys: () => [] },
  { id: 'blank', title: () => 'Blank screen', shortTitle: () => 'Blank', component: Blank, keys: () => [] },
];

/** Every shared widget at once, for the NO_COLOR and --ascii checks: x opens a dialog, t a toast. */
function ShowcaseScreen({ width, height }: ScreenProps) {
  const confirm = useConfirm();
  const toast = useToast();
  useKeyLayer(
    (e) => {
      if (e.input === 'x') void confirm({ title: 'Delete module X?', warnings: ['Drops feature 33.'], option: { label: 'Keep module settings', defaultChecked: true } });
      else if (e.input === 't') toast.success('Module enabled');
      else if (e.input === 'e') toast.error('Download failed');
      else return false;
      return true;
    },
    { priority: KeyPriority.screen },
  );
  const rows = items.slice(0, 6).map((r, i) => ({ ...r, name: `${r.name} with a very long description that gets cut ${'x'.repeat(80)}`, group: `host${i % 2}` }));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Banner kind="error" message="No access to the licensing server http://127.0.0.1:1" hint="Check the network." width={width} />
      <Banner kind="warning" message="Module disabled by license" width={width} />
      <ProgressBar done={1_500_000} total={3_000_000} width={width} label="ModuleUsersUI" />
      <BusyLine what="Checking" width={width} />
      <Form isActive={false} fields={[{ name: 'k', label: 'Key', placeholder: 'MIKO-XXXXX' }]} initialValues={{ k: 'MIKO' }} onSubmit={() => undefined} submitLabel="Saving" width={width} error="The service refused the key." />
      <Table columns={columns} rows={rows} rowKey={(r) => r.id} groupBy={(r) => r.group} width={width} height={6} />
    </Box>
  );
}

export const showcaseScreens: ScreenDefinition[] = [
  { id: 'showcase', title: () => 'Showcase', shortTitle: () => 'Showcase', component: ShowcaseScreen, keys: () => [{ command: 'nav.up', description: 'up', footer: true }] },
  ...testScreens,
];
