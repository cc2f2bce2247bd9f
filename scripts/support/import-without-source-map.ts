/**
 * Imports a module without node keeping a source map for it.
 *
 * tsx (which runs the server) rewrites a JavaScript module's dynamic
 * import()s and attaches a source map with a mapping per word. For the Remix
 * server bundle (1.5 MB, one dynamic import) that map held ≈ 750,000
 * mappings; once a stack trace passed through the bundle, node parsed it into
 * as many arrays: 40 % of an app process's heap objects (90 MB), which every
 * full collection had to mark. Node caches a module's map only while source
 * maps are enabled as the module loads, so they are off for this import and
 * on again afterwards. The rewrite keeps the bundle's lines where they were,
 * so its stack traces still point at the right places in build/index.js.
 */
export async function importWithoutSourceMap<Module>(url: string): Promise<Module> {
  const enabled = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  try {
    return (await import(url)) as Module;
  } finally {
    process.setSourceMapsEnabled(enabled);
  }
}
