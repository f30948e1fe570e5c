// The module operations, one function each, shared by the command line and the console.
export type { ModuleContext, ModuleProgress, ProgressCallback } from './context.js';
export { moduleLayout } from './context.js';
export { listInstalled, listAvailable, checkUpdates, moduleInfo, type AvailableModule, type ModuleInfo, type ModuleUpdate } from './catalog.js';
export {
  installFromMarketplace,
  installFromFile,
  updateModule,
  updateAll,
  type InstallOptions,
  type MarketplaceInstallOptions,
  type InstallResult,
  type UpdateAllResult,
} from './install.js';
export { enableModule, disableModule, removeModule, type RemoveOptions, type RemoveResult } from './lifecycle.js';
export { checkLicenses, startLicenseChecks, type LicenseCheckResult, type LicenseCheckSchedule, type CheckLicensesOptions } from './license-check.js';
export { DEFAULT_ARCHIVE_LIMITS, ModuleArchive, type ArchiveLimits } from './archive.js';
export { DEFAULT_LOCK_WAIT_MS, readLockHolder, type ModuleLockOptions } from './lock.js';
export { recoverModuleOperations } from './recovery.js';
export { interruptModuleOperations, ModuleInterruptedError } from './interruption.js';
export { ArchiveError, DownloadError, ModuleError, ModuleBusyError, LICENSE_KEY_MISSING_MESSAGE, type LockHolder } from './errors.js';
export { runBulk, failedOutcomes, type BulkAction, type BulkOutcome, type BulkOptions } from './bulk.js';
export { disableAllModules, restoreModules, safeModeState, type SafeModeResult, type RestoreResult } from './safe-mode.js';
