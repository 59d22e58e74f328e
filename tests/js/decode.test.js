// The decoder of the index files' numbers (search-decode.js). tests/test_js.py
// decodes an index that archive/browser_index.py wrote; these check each form on
// numbers written by the test encoder, edge values included.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { loadEngine, plain } = require("./engine.js");
const encode = require("./encode.js");

const { decode } = loadEngine();
const EDGES = [0, 1, 31, 32, 33, 1023, 1024, 4095, 4096, 32767, 32768, 1e6, 2 ** 31 - 1, 2 ** 40];

test("varints round-trip, one digit below 32 and one more every five bits", () => {
  assert.deepEqual(plain(decode.numbers(EDGES.map(encode.varint).join(""))), EDGES);
  assert.equal(encode.varint(31).length, 1);
  assert.equal(encode.varint(32).length, 2);
  assert.equal(encode.varint(1024).length, 3);
  assert.deepEqual(plain(decode.numbers("")), []);
});

test("postings give ascending ids and the impact of each level", () => {
  const low = Math.log(0.05);
  const step = 0.003;
  const pairs = [[0, 0], [1, 4095], [40, 64], [41, 63], [5000, 1]];
  const found = decode.postings(encode.postings(pairs), [low, step]);
  assert.deepEqual(plain(found.docs), pairs.map(([doc]) => doc));
  pairs.forEach(([, level], i) => {
    assert.ok(Math.abs(found.impacts[i] - Math.exp(low + level * step)) < 1e-12);
  });
  assert.ok(found.impacts[1] > found.impacts[2] && found.impacts[2] > found.impacts[3]);
});

test("positions map each article to its word positions", () => {
  const byDoc = { 0: [0, 1, 7], 3: [40], 1000: [2, 3000, 3001] };
  const found = decode.positions(encode.positions(byDoc));
  assert.deepEqual([...found.keys()], [0, 3, 1000]);
  for (const [doc, list] of Object.entries(byDoc)) assert.deepEqual(plain(found.get(Number(doc))), list);
});

test("an article set reads the same from gaps and from a bitmap", () => {
  const ids = [0, 5, 6, 11, 12, 47];
  const expected = Array.from({ length: 50 }, (_, i) => (ids.includes(i) ? 1 : 0));
  assert.deepEqual(plain(decode.articles(encode.gaps(ids), 50)), expected);
  assert.deepEqual(plain(decode.articles(encode.bitmap(ids, 50), 50)), expected);
  assert.deepEqual(plain(decode.articles("", 3)), [0, 0, 0]);
});

test("runs give every article its month and source", () => {
  // Three runs: 2 articles (month 0, source 1), 1 (month 0, source 0), 3 (month 1, source 1).
  const text = [2, 0, 1, 1, 0, 0, 3, 1, 1].map(encode.varint).join("");
  const { month, source } = decode.runs(text, 6);
  assert.deepEqual(plain(month), [0, 0, 0, 1, 1, 1]);
  assert.deepEqual(plain(source), [1, 1, 0, 1, 1, 1]);
});
