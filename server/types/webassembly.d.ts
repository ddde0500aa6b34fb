/**
 * The WebAssembly globals Node.js provides, for the server's type check.
 *
 * TypeScript declares `WebAssembly` only in its DOM and web-worker libraries,
 * and the server is checked without them (tsconfig.server.json) so that
 * browser-only APIs cannot slip into Node code. This is the small subset the
 * server and scripts use; the tests' config (tsconfig.json) has the DOM
 * library and excludes this file.
 */
declare namespace WebAssembly {
  type ImportValue = unknown;
  type ModuleImports = Record<string, ImportValue>;
  type Imports = Record<string, ModuleImports>;
  type Exports = Record<string, unknown>;
  interface Memory {
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  class Module {
    constructor(bytes: ArrayBufferView | ArrayBuffer);
  }
  class Instance {
    constructor(module: Module, imports?: Imports);
    readonly exports: Exports;
  }
}
