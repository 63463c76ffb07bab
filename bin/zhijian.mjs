#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx zhijian` works straight after `npm install`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Imports allocate millions of short-lived objects: a 64 MB young generation measured +20% on CSV
// import (GC from ~23% of the time). V8 reads the flag only at start-up, so without it the CLI runs
// itself once more with it (ZHIJIAN_NODE_FLAGS guards against a loop; an explicit flag is kept).
const FLAG = '--max-semi-space-size';
const hasFlag = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) =>
  a.startsWith(FLAG),
);
// Every DuckDB call holds one of libuv's threads until it returns, and libuv has four: during an
// import (one long statement) the read connections, audit commits and job writes queued for them,
// and a bare SELECT 1 took 150 ms (bench:api's import scenario; 40 ms with 16). libuv reads the
// variable once, at start-up in effect (module loading uses the pool): the child gets it.
const hasPool = process.env.UV_THREADPOOL_SIZE !== undefined;
if ((!hasFlag || !hasPool) && !process.env.ZHIJIAN_NODE_FLAGS) {
  const child = spawn(
    process.execPath,
    [
      ...(hasFlag ? [] : [`${FLAG}=64`]),
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '16',
        ZHIJIAN_NODE_FLAGS: '1',
      },
    },
  );
  // Ctrl-C reaches both processes (same process group); other signals are passed on.
  for (const signal of ['SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  process.on('SIGINT', () => undefined);
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
