import { build } from 'esbuild';

/**
 * A web-test-runner plugin that serves some npm packages as one module each instead of
 * their hundreds of files. Loading zod unbundled costs about 150 module requests (all its
 * locales); with that many, Chromium and Firefox now and then stop requesting the rest of
 * the graph and the test page never starts (modernweb-dev/web#2616, Chromium bug 1224934).
 *
 * Only packages that nothing else imports by deep path may be listed: a package bundled
 * here and also loaded file by file would run twice, with two copies of its state.
 */
export function prebundlePlugin(packages: readonly string[]) {
  const prefix = '/__prebundled__/';
  const bundles = new Map<string, Promise<string>>();
  const bundle = (name: string): Promise<string> => {
    let code = bundles.get(name);
    if (!code) {
      code = build({
        entryPoints: [name],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
      }).then((result) => result.outputFiles[0]?.text ?? '');
      bundles.set(name, code);
    }
    return code;
  };
  return {
    name: 'vo-prebundle',
    resolveImport({ source }: { source: string }): string | undefined {
      return packages.includes(source) ? `${prefix}${source}.js` : undefined;
    },
    async serve(context: { path: string }) {
      if (!context.path.startsWith(prefix)) return undefined;
      const name = context.path.slice(prefix.length, -'.js'.length);
      if (!packages.includes(name)) return undefined;
      return { body: await bundle(name), type: 'js' };
    },
  };
}
