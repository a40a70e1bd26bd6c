// The child process for Node.js (V8): node runner.mjs FILE.wasm N ITER
// Prints the same lines as io.wasmlet.bench.Runner: "instantiate_ns NANOS", then
// "iter I NANOS RESULT" per call of the export run(N). Reading the file is not timed.
import { readFileSync } from 'node:fs';

const [file, nText, iterText] = process.argv.slice(2);
if (iterText === undefined) {
  console.error('usage: node runner.mjs FILE.wasm N ITER');
  process.exit(2);
}
const bytes = readFileSync(file);
const n = Number(nText);
const iterations = Number(iterText);

const t0 = process.hrtime.bigint();
const module = new WebAssembly.Module(bytes);
const instance = new WebAssembly.Instance(module, {});
const t1 = process.hrtime.bigint();
console.log(`instantiate_ns ${t1 - t0}`);

const run = instance.exports.run;
for (let i = 0; i < iterations; i++) {
  const s = process.hrtime.bigint();
  const result = run(n);
  const e = process.hrtime.bigint();
  console.log(`iter ${i} ${e - s} ${result}`);
}
