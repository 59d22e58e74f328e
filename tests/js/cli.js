// What tests/test_js.py asks of the browser's search code, run in node: a JSON
// request on stdin, a JSON answer on stdout.
//
//   {"stems": [word, ...]}                  -> {"stems": [stem, ...]}
//   {"folder": "path/to/search", ...}       -> the index archive/browser_index.py wrote:
//     "postings": [stem, ...]               -> {"postings": {stem: {docs, impacts}}}
//     "positions": [word, ...]              -> {"positions": {word: {doc: [position, ...]}}}
//     "entities": [id, ...]                 -> {"entities": {id: [doc, ...]}}
//     "queries": [[text, asYouType], ...]   -> {"queries": [{total, ranked: [[url, score]]}]}
//     always                                -> {"month": [...], "source": [...]} by article id
// and always {"version": INDEX_VERSION}.
"use strict";

const fs = require("node:fs");
const { loadEngine, openFolder, plain } = require("./engine.js");

async function answer(request) {
  const ns = loadEngine();
  const out = { version: ns.INDEX_VERSION };
  if (request.stems) out.stems = request.stems.map(ns.stem);
  if (!request.folder) return out;
  const index = await openFolder(ns, request.folder);
  out.month = index.month;
  out.source = index.source;
  out.postings = {};
  for (const s of request.postings || []) out.postings[s] = await index.postings(s);
  out.positions = {};
  for (const w of request.positions || []) {
    out.positions[w] = Object.fromEntries(await index.positions(w));
  }
  out.entities = {};
  for (const id of request.entities || []) {
    const marks = await index.entityArticles(id);
    out.entities[id] = [...marks.keys()].filter((doc) => marks[doc]);
  }
  out.queries = [];
  for (const [text, asYouType] of request.queries || []) {
    const found = await index.search(text, { asYouType });
    const ranked = [];
    for (const [doc, score] of found.ranked) {
      ranked.push([(await index.card(doc, found.query))[1], score]);
    }
    out.queries.push({ total: found.total, ranked });
  }
  return out;
}

answer(JSON.parse(fs.readFileSync(0, "utf8"))).then(
  (out) => process.stdout.write(JSON.stringify(plain(out))),
  (error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  },
);
