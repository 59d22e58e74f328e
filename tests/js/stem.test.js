// The browser's words and stems (search-stem.js). tests/test_js.py checks the
// stemmer against whoosh.lang.porter.stem itself on a long list; these are the
// cases worth reading: each Porter step, and where Whoosh departs from the paper.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { loadEngine, plain } = require("./engine.js");

const { stem, words } = loadEngine();

const check = (table) => {
  for (const [word, expected] of Object.entries(table)) assert.equal(stem(word), expected, word);
};

test("step 1 takes plurals, -ed and -ing off", () => {
  check({ caresses: "caress", ponies: "poni", ties: "ti", caress: "caress", cats: "cat",
    feed: "feed", agreed: "agre", plastered: "plaster", bled: "bled", motoring: "motor",
    sing: "sing", conflated: "conflat", troubled: "troubl", sized: "size", falling: "fall",
    hissing: "hiss", filing: "file", happy: "happi", sky: "sky" });
});

test("steps 2 to 5 take the longer suffixes off", () => {
  check({ relational: "relat", conditional: "condit", rational: "ration",
    digitizer: "digit", operator: "oper", feudalism: "feudal", decisiveness: "decis",
    hopefulness: "hope", formaliti: "formal", triplicate: "triplic", formative: "form",
    electrical: "electr", goodness: "good", revival: "reviv", allowance: "allow",
    adjustable: "adjust", replacement: "replac", adoption: "adopt", communism: "commun",
    effective: "effect", probate: "probat", rate: "rate", cease: "ceas", controll: "control",
    roll: "roll", generously: "gener" });
});

test("Whoosh's quirks are kept, since the index was stemmed by Whoosh", () => {
  // whoosh.lang.porter anchors two of its patterns at the start of the word, so a
  // double consonant left by -ing/-ed stays, and -ic after a long stem too.
  check({ hopping: "hopp", tanned: "tann", gyroscopic: "gyroscopic" });
});

test("a leading y is a consonant, and words under three letters stay as they are", () => {
  check({ yelling: "yell", yes: "ye", youth: "youth", ay: "ay", by: "by", is: "is" });
});

test("stems are cached: the same word always gives the same stem", () => {
  assert.equal(stem("negotiations"), stem("negotiations"));
  assert.equal(stem("negotiations"), "negoti");
});

test("words are Whoosh's tokens, lower case, dotted abbreviations kept whole", () => {
  assert.deepEqual(plain(words("The U.S. and Kabul's talks—2021, Dušanbe")), [
    "the", "u.s", "and", "kabul", "s", "talks", "2021", "dušanbe",
  ]);
  assert.deepEqual(plain(words("  ... ")), []);
  assert.deepEqual(plain(words("snake_case and a*b")), ["snake_case", "and", "a*b"]);
});
