import { general } from './errors/general.js';
import { domain } from './errors/domain.js';
import { store } from './errors/store.js';
import { modules } from './errors/modules.js';
import { licensing } from './errors/licensing.js';
import { dialplan } from './errors/dialplan.js';
import { commands } from './errors/commands.js';
import { commandLine } from './errors/command-line.js';
import { service } from './errors/service.js';
import { seats } from './errors/seats.js';
import { bulk } from './errors/bulk.js';

/**
 * Every error a person can meet, by id: what happened (`message`) and what to do (`hint`).
 * An error is made with its id and the values it needs (`reason('dialplan_number_busy',
 * {number, owner})`); the words come from here, in the language in use, when the error is
 * shown. One file per part of the program, so the parts can grow apart.
 */
export const errors = { ...general, ...domain, ...store, ...modules, ...licensing, ...dialplan, ...commands, ...commandLine, ...service, ...seats, ...bulk };

/** The words of one error. */
export interface ErrorText {
  message: string;
  hint?: string;
}

export type ErrorCatalog = typeof errors;
export type ErrorId = keyof ErrorCatalog;
