import type { ErrorCatalog } from '../en/errors.js';
import { general } from './errors/general.js';
import { store } from './errors/store.js';
import { modules } from './errors/modules.js';
import { licensing } from './errors/licensing.js';
import { dialplan } from './errors/dialplan.js';
import { commands } from './errors/commands.js';
import { bulk } from './errors/bulk.js';

/** Every error, by id, in Russian; the same ids and values as the English catalog. */
export const errors: ErrorCatalog = { ...general, ...store, ...modules, ...licensing, ...dialplan, ...commands, ...bulk };
