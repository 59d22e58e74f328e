// The search's classic scripts, run in a node vm context as the page runs them (in
// order, sharing one window), without a page: the words, the decoder and the index.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SCRIPTS = path.resolve(__dirname, "../../theme/static/js");
const PARTS = ["search-stem.js", "search-decode.js", "search-rank.js"];

/** A fresh context with the search parts loaded; returns its window.__archiveSearch. */
function loadEngine() {
  const context = vm.createContext({});
  context.window = context;
  for (const name of PARTS) {
    const file = path.join(SCRIPTS, name);
    vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  }
  const ns = context.__archiveSearch;
  ns.run = (file) => vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  return ns;
}

/**
 * The index that archive/browser_index.py wrote into `folder`, opened as the page
 * opens it: each file is run as a script and must register the key it is asked for.
 */
async function openFolder(ns, folder) {
  const registered = new Map();
  ns.load = (key, payload) => registered.set(key, payload);
  const open = async (key, file) => {
    if (!registered.has(key)) ns.run(path.join(folder, file));
    if (!registered.has(key)) throw new Error(`${file} did not register ${key}`);
    return registered.get(key);
  };
  return new ns.Index(await open("mmanifest", "manifest.js"), open);
}

/** A value from the vm context as plain data of this one (for deepStrictEqual). */
function plain(value) {
  return JSON.parse(JSON.stringify(value, (_, v) => (ArrayBuffer.isView(v) ? [...v] : v)));
}

module.exports = { loadEngine, openFolder, plain };
