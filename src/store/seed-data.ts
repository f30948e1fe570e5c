import type { DialplanApplication, ExtensionNumber } from './schema.js';

/** The dialplan applications a new MikoPBX ships with (SPEC §6). */
export function builtInDialplanApplications(): DialplanApplication[] {
  return [
    {
      uniqid: 'DIALPLAN-0000063A',
      name: 'Caller number readback',
      extension: '000063',
      hint: '',
      type: 'plaintext',
      code: '1,Answer()\n2,SayDigits(${CALLERID(num)})\n3,Hangup()',
      description: 'Reads back the number of the calling phone.',
    },
    {
      uniqid: 'DIALPLAN-0000064A',
      name: 'Milliwatt',
      extension: '000064',
      hint: '',
      type: 'plaintext',
      code: '1,Answer()\n2,Milliwatt()\n3,Hangup()',
      description: 'Plays a 1004 Hz test tone to check the audio path.',
    },
    {
      uniqid: 'DIALPLAN-10003246',
      name: 'Echo test',
      extension: '10003246',
      hint: '',
      type: 'plaintext',
      code: '1,Answer()\n2,Echo()\n3,Hangup()',
      description: 'Echoes back what the caller says, to check voice delay and quality.',
    },
  ];
}

/** Numbers other PBX objects of a new PBX use; dialplan applications must not take them. */
export function exampleExtensionNumbers(): ExtensionNumber[] {
  return [
    { number: '201', kind: 'employee', name: 'Reception' },
    { number: '202', kind: 'employee', name: 'Sales' },
    { number: '203', kind: 'employee', name: 'Support' },
    { number: '2200001', kind: 'queue', name: 'Sales queue' },
    { number: '2200002', kind: 'ivr', name: 'Main menu' },
    { number: '2200100', kind: 'conference', name: 'Conference room' },
  ];
}
