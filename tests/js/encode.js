// The index format written from JavaScript, for unit tests that need small indexes
// of known content (archive/browser_index.py is the real writer; tests/test_js.py
// checks the decoder against it).
"use strict";

const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** `value` in base-32 digits, most significant first; all but the last flagged. */
function varint(value) {
  let out = DIGITS[value % 32];
  for (let rest = Math.floor(value / 32); rest; rest = Math.floor(rest / 32)) {
    out = DIGITS[32 + (rest % 32)] + out;
  }
  return out;
}

/** Ascending numbers as the varints of their gaps, the first from -1. */
function gaps(numbers) {
  let previous = -1;
  return numbers
    .map((n) => {
      const out = varint(n - previous - 1);
      previous = n;
      return out;
    })
    .join("");
}

/** Postings from [[doc, level]] (ascending doc): gap varint, then the level in two digits. */
function postings(pairs) {
  let previous = -1;
  return pairs
    .map(([doc, level]) => {
      const out = varint(doc - previous - 1) + DIGITS[level >> 6] + DIGITS[level & 63];
      previous = doc;
      return out;
    })
    .join("");
}

/** Positions from {doc: [positions]}: per article the id gap, the count, the position gaps. */
function positions(byDoc) {
  let previous = -1;
  return Object.keys(byDoc)
    .map(Number)
    .sort((a, b) => a - b)
    .map((doc) => {
      const out = varint(doc - previous - 1) + varint(byDoc[doc].length) + gaps(byDoc[doc]);
      previous = doc;
      return out;
    })
    .join("");
}

/** A set of ids below `size` as "=" and a bitmap, six bits a digit. */
function bitmap(ids, size) {
  const bits = new Array(Math.ceil(size / 6)).fill(0);
  for (const id of ids) bits[Math.floor(id / 6)] |= 1 << id % 6;
  return `=${bits.map((b) => DIGITS[b]).join("")}`;
}

module.exports = { DIGITS, varint, gaps, postings, positions, bitmap };
