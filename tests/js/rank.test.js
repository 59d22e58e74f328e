// Matching and ranking (search-rank.js) on a small index written by the test
// encoder, whose impacts are known: results must come in the order of their summed
// impacts. tests/test_js.py ranks an index that archive/browser_index.py wrote
// against Whoosh's BM25F scores.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { loadEngine, plain } = require("./engine.js");
const encode = require("./encode.js");

const ns = loadEngine();
const IMPACT = [Math.log(0.1), 0.002];
const impact = (level) => Math.exp(IMPACT[0] + level * IMPACT[1]);
const STOP = ["the", "and", "of", "on", "over", "a", "was"];
const HASH = 6; // the length of the fixture's file names, "t" "hash" "0"

const ARTICLES = [
  { title: "River flood", text: "The river flood rose over the old bridge.", date: "2021-07-30",
    source: "Wire", entities: ["kabul"] },
  { title: "Bridge repairs", text: "Flood waters left the bridge and the river banks damaged.",
    date: "2021-08-02", source: "Wire", entities: [] },
  { title: "Rivers and floods", text: "Floods on rivers: the flood of the river was the worst.",
    date: "2021-08-05", source: "Post", entities: ["kabul"] },
  { title: "Markets", text: "Prices rose; a river of money.", date: "2021-08-09",
    source: "Post", entities: [] },
];
// Impact levels by stem and article: the numbers the ranking must add up.
const LEVELS = {
  river: { 0: 900, 1: 300, 2: 1300, 3: 100 },
  flood: { 0: 1000, 1: 200, 2: 1100 },
  bridg: { 0: 400, 1: 1500 },
  rose: { 0: 500, 3: 500 },
  price: { 3: 2000 },
};

/** The manifest and the files of an index of ARTICLES, and an `open` that reads them. */
function build({ version = 2, cards = {} } = {}) {
  const files = new Map();
  const put = (kind, number, payload) => {
    const name = `${kind}hash${number}`;
    files.set(`${kind}/${name}.js`, { key: kind === "f" ? "ffacets" : `${kind}${number}`, payload });
    return name;
  };
  const byWord = {};
  const positions = {};
  ARTICLES.forEach((article, doc) => {
    ns.words(`${article.title} ${article.text}`).forEach((word, pos) => {
      if (word.length < 2 || STOP.includes(word)) return;
      byWord[word] = ns.stem(word);
      ((positions[word] ||= {})[doc] ||= []).push(pos);
    });
  });
  const entries = {};
  for (const [s, levels] of Object.entries(LEVELS)) {
    const pairs = Object.entries(levels).map(([doc, level]) => [Number(doc), level]);
    entries[s] = [encode.postings(pairs), Number(byWord[s] === s), cards[s] || []];
  }
  for (const [word, s] of Object.entries(byWord)) if (!(word in entries)) entries[word] = s;
  const keys = Object.keys(entries).sort();
  const half = Math.ceil(keys.length / 2);
  const termShards = [keys.slice(0, half), keys.slice(half)];
  const manifest = {
    version,
    files: {
      t: termShards.map((shard, n) => put("t", n, Object.fromEntries(shard.map((k) => [k, entries[k]])))).join(""),
      p: put("p", 0, Object.fromEntries(Object.entries(positions).map(([w, p]) => [w, encode.positions(p)]))),
      d: put("d", 0, ARTICLES.map((a, doc) => [a.title, `a${doc}.html`, a.date, a.text])),
      f: put("f", 0, { kabul: encode.gaps([0, 2]) }),
    },
    hash: HASH,
    articles: ARTICLES.length,
    terms: termShards.map((shard) => shard[0]),
    positions: [Object.keys(positions).sort()[0]],
    bundle: 40,
    impact: IMPACT,
    stop: STOP,
    prefix: [2, 50],
    months: ["2021-07", "2021-08"],
    sources: ["Post", "Wire"],
    runs: [1, 0, 1, 1, 1, 1, 2, 1, 0].map(encode.varint).join(""),
    entities: [["kabul", "Kabul"]],
  };
  const opened = [];
  const open = async (key, path) => {
    opened.push(path);
    const file = files.get(path);
    assert.ok(file, `no file ${path}`);
    assert.equal(file.key, key, path);
    return file.payload;
  };
  return { manifest, open, opened };
}

const index = () => {
  const { manifest, open } = build();
  return new ns.Index(manifest, open);
};

/** Ids of the articles that hold every stem, best summed impact first, ties by id. */
function expected(stems) {
  const docs = ARTICLES.map((_, doc) => doc).filter((doc) => stems.every((s) => doc in LEVELS[s]));
  const score = (doc) => stems.reduce((sum, s) => sum + impact(LEVELS[s][doc]), 0);
  return docs.sort((a, b) => score(b) - score(a) || a - b).map((doc) => [doc, score(doc)]);
}

function assertRanked(found, stems) {
  const want = expected(stems);
  assert.deepEqual(plain(found.ranked.map(([doc]) => doc)), want.map(([doc]) => doc));
  found.ranked.forEach(([, score], i) => assert.ok(Math.abs(score - want[i][1]) < 1e-9));
  assert.equal(found.total, want.length);
}

test("results come in the order of their summed impacts", async () => {
  assertRanked(await index().search("river flood"), ["river", "flood"]);
  assertRanked(await index().search("rivers"), ["river"]);
  assertRanked(await index().search("bridges"), ["bridg"]);
});

test("every word must match; stop words and one-letter words are left out", async () => {
  const idx = index();
  assertRanked(await idx.search("river bridge"), ["river", "bridg"]);
  assert.deepEqual(plain((await idx.search("the river a")).query.groups), [["river"]]);
  assert.equal((await idx.search("river zebra")).total, 0);
  const nothing = await idx.search("the of");
  assert.equal(nothing.total, 0);
  assert.deepEqual(plain(nothing.query.groups), []);
});

test("a quoted phrase matches its words in order", async () => {
  const idx = index();
  const ids = async (text) => plain((await idx.search(text)).ranked.map(([doc]) => doc));
  assert.deepEqual(await ids("river flood"), [2, 0, 1]);
  assert.deepEqual(await ids('"river flood"'), [0]); // 1 and 2 hold both words, apart
  assert.deepEqual(await ids('"flood river"'), []);
  // Stop words inside a phrase keep their place: "flood of the river" is in article 2 only.
  assert.deepEqual(await ids('"flood of the river"'), [2]);
  assert.deepEqual(await ids('"flood the bridge"'), []);
});

test("while typing, the last word also matches the words it begins", async () => {
  const idx = index();
  assert.equal((await idx.search("riv")).total, 0);
  const typed = await idx.search("riv", { asYouType: true });
  assertRanked(typed, ["river"]);
  // The word as typed counts too, as in archive.search_index.parse_query.
  assert.deepEqual(plain(typed.query.groups), [["riv", "river"]]);
  assertRanked(await idx.search("flood bri", { asYouType: true }), ["flood", "bridg"]);
  assert.equal((await idx.search("riv ", { asYouType: true })).total, 0); // a word is finished
});

test("filters keep one source, month or entity, and facets count the matches", async () => {
  const idx = index();
  const all = await idx.search("river", { entities: true });
  assert.deepEqual(plain(all.facets.source), [["Post", "Post", 2], ["Wire", "Wire", 2]]);
  assert.deepEqual(plain(all.facets.month), [["2021-08", "2021-08", 3], ["2021-07", "2021-07", 1]]);
  assert.deepEqual(plain(all.facets.entity), [["kabul", "Kabul", 2]]);
  const ids = async (filters) =>
    plain((await idx.search("river", { filters })).ranked.map(([doc]) => doc));
  assert.deepEqual(await ids({ source: "Wire" }), [0, 1]);
  assert.deepEqual(await ids({ month: "2021-08" }), [2, 1, 3]);
  assert.deepEqual(await ids({ entity: "kabul" }), [2, 0]);
  assert.deepEqual(await ids({ entity: "kabul", source: "Post" }), [2]);
});

test("a result shows the card of its rarest stem, or its bundle's opening", async () => {
  const cards = {
    river: [[0, "River flood", "a0.html", "2021-07-30", "the river card", "p1"]],
    bridg: [[0, "the bridge card", "p2"]],
  };
  const { manifest, open } = build({ cards });
  const idx = new ns.Index(manifest, open);
  const query = (await idx.search("river bridge")).query;
  // bridg (2 articles) is rarer than river (4): its snippet; title and date from river's card.
  assert.deepEqual(plain(await idx.card(0, query)),
    ["River flood", "a0.html", "2021-07-30", "the bridge card", "p2", "Wire"]);
  assert.deepEqual(plain(await idx.card(1, query)),
    ["Bridge repairs", "a1.html", "2021-08-02", ARTICLES[1].text, "", "Wire"]);
});

test("shards are read by the hashed names the manifest lists", async () => {
  const { manifest, open, opened } = build();
  const idx = new ns.Index(manifest, open);
  await idx.search('"river flood"', { entities: true });
  assert.ok(opened.includes("t/thash1.js")); // "river" is in the second shard
  assert.ok(opened.includes("p/phash0.js"));
  assert.ok(opened.includes("f/fhash0.js"));
});

test("a manifest of another version is refused", () => {
  const { manifest, open } = build({ version: 1 });
  assert.throws(() => new ns.Index(manifest, open), /index is version 1, this page reads version 2/);
  assert.equal(ns.INDEX_VERSION, 2);
});
