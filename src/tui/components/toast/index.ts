export { ToastProvider, ToastLine, useToast, useCurrentToast, type ToastApi, type ToastProviderProps } from './toast.js';
export { toastReducer, type Toast, type ToastKind } from './use-toast-queue.js';
