export { Confirm, type ConfirmProps, type ConfirmResult, type ConfirmOption } from './confirm.js';
export { ConfirmProvider, ConfirmHost, useConfirm, useConfirmOpen, type ConfirmRequest } from './confirm-provider.js';
export { confirmReducer, type ConfirmChoice, type ConfirmState, type ConfirmAction } from './use-confirm-state.js';
