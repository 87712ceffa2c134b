/**
 * The YAML library, as `yaml.ts` loads it. `npm run build` replaces the copy of this file in
 * `dist/` with one bundle of the library's 70-odd modules (`src/tools/bundle-libraries.ts`), which
 * took a command about 30 ms to load one by one. Run from the sources (the tests), it requires the
 * package as usual.
 */
'use strict';

module.exports = require('yaml');
