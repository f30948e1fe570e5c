#!/usr/bin/env node
// Runs the bundled build; `npm run build` makes it.
import('../dist/cli.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('pbxmod is not built yet. Run `npm install && npm run build` in the pbxmod folder first.\n');
    process.exit(1);
  }
  throw error;
});
