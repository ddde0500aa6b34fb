// `npm start`: build the client when it is missing or older than its
// sources, then run the server (TypeScript through tsx; no separate compile).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const shell = path.join(root, 'dist', 'client', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sources = [path.join(root, 'client'), path.join(root, 'server', 'contracts')];
const stale = !fs.existsSync(shell) || Math.max(...sources.map(newestMtime)) > fs.statSync(shell).mtimeMs;
if (stale) {
  console.log('Bygger webbklienten …');
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Node flags for the web server (server-node-flags.json, also used by `npm run bench -- api`): a larger young
// generation, because at a few thousand requests/s the default 16 MB semi-space was scavenged ~20 times a second
// with every in-flight request's objects still alive, ~10 % of the process's time; 64 MB cut scavenging by 40 %.
const nodeFlags = JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'server-node-flags.json'), 'utf8'));
const server = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', path.join(root, 'server', 'main.ts')], { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
