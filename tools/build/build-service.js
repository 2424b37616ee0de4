#!/usr/bin/env node
// Builds one service into dist/apps/<service>: its sources and the libs it may import, compiled by
// SWC (the same transform the tests use) with the tsconfig path aliases rewritten to relative
// requires. No bundling: node_modules stay external, resolved from the repository (or, in the
// image, from /app/node_modules). Usage: node tools/build/build-service.js <service>
const { execFileSync } = require('node:child_process');
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '../..');
const service = process.argv[2];
if (!/^[a-z-]+$/.test(service ?? '')) {
  console.error('usage: build-service.js <service>');
  process.exit(2);
}

const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
// Test entry points (`@extapps/x/testing`) and tools never ship in a service.
const paths = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).filter(
    ([alias, [target]]) => !alias.endsWith('/testing') && target.startsWith('libs/'),
  ),
);
const sources = [
  `apps/${service}/src`,
  ...Object.values(paths).map(([index]) => index.replace(/\/index\.ts$/, '')),
];

const out = join(root, 'dist/apps', service);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const swcrc = JSON.parse(readFileSync(join(__dirname, 'swcrc.json'), 'utf8'));
swcrc.jsc.baseUrl = root;
swcrc.jsc.paths = paths;
const configFile = join(out, '.swcrc.json');
writeFileSync(configFile, JSON.stringify(swcrc));

execFileSync(
  join(root, 'node_modules/.bin/swc'),
  [
    ...sources,
    '-d',
    out,
    '--config-file',
    configFile,
    '--ignore',
    '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts,**/testing/**',
    '--quiet',
  ],
  { cwd: root, stdio: 'inherit' },
);
rmSync(configFile);
writeFileSync(join(out, 'main.js'), `require('./apps/${service}/src/main.js');\n`);
console.log(`built ${service} -> dist/apps/${service}/main.js`);
