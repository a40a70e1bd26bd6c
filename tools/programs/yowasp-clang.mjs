// clang 22 for the board builds of tools/programs/build.sh, run under Node.js from the npm
// package @yowasp/clang (LLVM compiled to WebAssembly, with wasi-libc): Debian 12's clang 14
// cannot link memories of custom page sizes (wasm-ld --page-size=1).
//   node tools/programs/yowasp-clang.mjs OUTPUT.wasm [clang options and .c sources...]
// build.sh installs the package into target/yowasp (npm install) and names it in YOWASP_CLANG.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const pkg = process.env.YOWASP_CLANG;
const { runClang } = await import(pkg ? pathToFileURL(path.join(pkg, 'gen/bundle.js')).href : '@yowasp/clang');
const [output, ...args] = process.argv.slice(2);
const files = {};
const argv = args.map((a) => {
    if (!a.startsWith('-') && a.endsWith('.c')) { // sources go into the compiler's virtual file system
        files[path.basename(a)] = fs.readFileSync(a, 'utf8');
        return path.basename(a);
    }
    return a;
});
const result = await runClang(['clang', ...argv, '-o', 'out.wasm'], files);
fs.writeFileSync(output, result['out.wasm']);
