#!/usr/bin/env node
import { run } from './cli.js';

run(process.argv.slice(2), { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`tessera: ${error.message}\n`);
    process.exitCode = 1;
  },
);
