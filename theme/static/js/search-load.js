/* Search, part 4 of 5: the index files, loaded through <script> tags.
 *
 * Each file under search/ is a script that hands its payload to
 * window.__archiveSearch.load(key, payload) (see archive/browser_index.py), so a
 * copy of the site opened from disk (file://) searches like the served one. Every
 * file but the manifest is named after its content, and the manifest names the
 * files of its own build, so a browser that cached an older file cannot mix two
 * builds. A file that is missing, or that loads without registering, or that has
 * not arrived after LOAD_TIMEOUT_MS, rejects: the page says search is unavailable
 * instead of waiting for ever.
 *
 * This script's tag carries data-index, the URL of search/. Registers `load`,
 * `openIndex`, `indexBase` and `engine` ({openIndex, stem}, what the browser
 * tests and the benchmark call) on window.__archiveSearch.
 */
(() => {
  "use strict";

  const ns = (window.__archiveSearch = window.__archiveSearch || {});
  const LOAD_TIMEOUT_MS = 4000;
  const indexBase = new URL(document.currentScript.dataset.index || "search/", document.baseURI);

  const payloads = new Map();
  const waiting = new Map();

  /** What every index file calls: `payload` is the content of the file known as `key`. */
  function load(key, payload) {
    payloads.set(key, payload);
    const entry = waiting.get(key);
    if (entry) {
      waiting.delete(key);
      entry.settle();
      entry.resolve(payload);
    }
  }

  /** A promise of the payload that the file at `path` registers as `key`. */
  function script(key, path) {
    if (payloads.has(key)) return Promise.resolve(payloads.get(key));
    let entry = waiting.get(key);
    if (entry) return entry.promise;
    entry = {};
    entry.promise = new Promise((resolve, reject) => {
      entry.resolve = resolve;
      entry.reject = reject;
    });
    waiting.set(key, entry);
    const tag = document.createElement("script");
    const fail = (problem) => {
      if (waiting.get(key) !== entry) return;
      waiting.delete(key);
      entry.settle();
      entry.reject(new Error(`search index file ${problem}: ${path}`));
    };
    const timer = setTimeout(() => fail("did not load in time"), LOAD_TIMEOUT_MS);
    entry.settle = () => {
      clearTimeout(timer);
      tag.remove();
    };
    // A classic script runs before its load event: by then it has registered, or never will.
    tag.onload = () => fail("did not register");
    tag.onerror = () => fail("missing");
    tag.src = new URL(path, indexBase).href;
    document.head.appendChild(tag);
    return entry.promise;
  }

  let indexPromise = null;

  /** The index of this build, opened once (and again after a failure). */
  function openIndex() {
    if (!indexPromise) {
      indexPromise = script("mmanifest", "manifest.js").then((m) => new ns.Index(m, script));
      indexPromise.catch(() => {
        indexPromise = null;
      });
    }
    return indexPromise;
  }

  Object.assign(ns, { load, openIndex, indexBase, engine: { openIndex, stem: ns.stem } });
})();
