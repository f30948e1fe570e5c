import { en, type Messages } from './en.js';

/**
 * The catalog of the language in use in this process. One process shows one language: the
 * entry sets it once (command line: before the commands are built; console: before the first
 * frame), and everything that shows words — an error's message, a command's output — reads it
 * when it shows them.
 */
let active: Messages = en;

export function activeMessages(): Messages {
  return active;
}

export function setActiveMessages(messages: Messages): void {
  active = messages;
}
