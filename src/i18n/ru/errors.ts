import type { ErrorCatalog } from '../en/errors.js';
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

/** Every error, by id, in Russian; the same ids and values as the English catalog. */
export const errors: ErrorCatalog = { ...general, ...domain, ...store, ...modules, ...licensing, ...dialplan, ...commands, ...commandLine, ...service, ...seats, ...bulk };
