#!/usr/bin/env node
/**
 * What `npm test` needs besides Node and npm: `npm test` checks them first (.ci/run, which
 * installs them, names the same five; test/scripts holds the two together), so a
 * machine without them stops at once with the command to run instead of failing minutes in.
 */
import { spawnSync } from 'node:child_process';
import process from 'node:process';

const PREREQUISITES = [
  { command: 'script', pkg: 'bsdutils', why: 'the dashboard and signal tests run livesim in a pseudo-terminal' },
  { command: 'chromium', pkg: 'chromium', why: 'the report tests open the HTML reports in a browser' },
  { command: 'redis-server', pkg: 'redis-server', why: 'the queue tests start their own Redis' },
  { command: 'redis-cli', pkg: 'redis-tools', why: 'the queue tests ask that Redis whether it is up' },
  { command: 'tmux', pkg: 'tmux', why: 'the studio is tested in a terminal of 80x24, keys sent and frames read back' },
];

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const missing = PREREQUISITES.filter(({ command }) => !onPath(command));

if (process.argv.includes('--missing-packages')) {
  process.stdout.write(missing.map(({ pkg }) => pkg).join(' '));
  process.exit(0);
}

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  process.stderr.write(`npm test needs Node 20 or later; this is Node ${process.versions.node}\n`);
  process.exit(1);
}
if (missing.length > 0) {
  process.stderr.write('npm test needs programs this machine does not have:\n');
  for (const { command, pkg, why } of missing) process.stderr.write(`  ${command} (Debian package ${pkg}): ${why}\n`);
  process.stderr.write(`install them with:\n  sudo apt-get install -y ${missing.map(({ pkg }) => pkg).join(' ')}\n`);
  process.exit(1);
}
