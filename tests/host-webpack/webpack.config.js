// webpack 5 in production mode, as a host would configure it: an entry, an HTML page copied beside the
// bundle, and no rule for the element (it needs none). Any warning fails the build: the element
// must not add one to a host that treats warnings as errors.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { sources } = require('webpack');

/** Fails the build on any warning (webpack-cli then exits non-zero). */
class FailOnWarnings {
  apply(compiler) {
    compiler.hooks.afterCompile.tap('FailOnWarnings', (compilation) => {
      compilation.errors.push(...compilation.warnings.map((w) => new Error(`warning treated as an error: ${w.message}`)));
    });
  }
}

/** Emits the page (index.html, which loads main.js) beside the bundle. */
class Page {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('Page', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'Page', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset('index.html', new sources.RawSource(readFileSync(path.join(__dirname, 'index.html'))));
      });
    });
  }
}

module.exports = (env) => ({
  mode: 'production',
  entry: './src/index.js',
  output: { path: path.resolve(env.out || 'dist'), clean: true },
  plugins: [new Page(), new FailOnWarnings()],
  // webpack's size hint (244 KiB) counts the full build's .wasm (about 300 KiB), which the element
  // loads only when the reader nears the merge, the check or the scripts: a host says so once, here,
  // as the package README shows. Every other warning still fails the build.
  performance: { assetFilter: (file) => !file.endsWith('.wasm') },
});
