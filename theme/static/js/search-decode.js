/* Search, part 2 of 5: the numbers of the index files, decoded.
 *
 * archive/browser_index.py writes numbers as base-64 digits: a varint digit carries
 * 5 bits and, when it is 32 or more, says that another digit follows. Registers
 * `decode` on window.__archiveSearch; nothing here touches the page.
 */
(() => {
  "use strict";

  const ns = (window.__archiveSearch = window.__archiveSearch || {});

  const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const DIGIT = new Map([...DIGITS].map((c, i) => [c, i]));

  /** The numbers of a run of varints (browser_index.varint). */
  function numbers(text) {
    const out = [];
    let value = 0;
    for (let i = 0; i < text.length; i++) {
      const digit = DIGIT.get(text[i]);
      value = value * 32 + (digit & 31);
      if (digit < 32) {
        out.push(value);
        value = 0;
      }
    }
    return out;
  }

  /**
   * A stem's postings: per article, the id gap as a varint, then its impact level
   * in two digits, log-quantised between `low` and `low + 4095 * step`.
   * Returns {docs, impacts} as typed arrays, by ascending article id.
   */
  function postings(text, [low, step]) {
    const docs = [];
    const impacts = [];
    let doc = -1;
    let gap = 0;
    for (let i = 0; i < text.length; ) {
      const digit = DIGIT.get(text[i++]);
      gap = gap * 32 + (digit & 31);
      if (digit >= 32) continue;
      doc += gap + 1;
      gap = 0;
      docs.push(doc);
      impacts.push(Math.exp(low + (DIGIT.get(text[i]) * 64 + DIGIT.get(text[i + 1])) * step));
      i += 2;
    }
    return { docs: Int32Array.from(docs), impacts: Float64Array.from(impacts) };
  }

  /** A word's positions: per article, the id gap, the count, then the position gaps. */
  function positions(text) {
    const found = numbers(text);
    const map = new Map();
    for (let i = 0, doc = -1; i < found.length; ) {
      doc += found[i] + 1;
      const count = found[i + 1];
      const list = new Array(count);
      for (let k = 0, pos = -1; k < count; k++) {
        pos += found[i + 2 + k] + 1;
        list[k] = pos;
      }
      map.set(doc, list);
      i += 2 + count;
    }
    return map;
  }

  /**
   * A set of article ids below `size` as a Uint8Array of marks: written either as
   * id gaps, or, after "=", as a bitmap of six bits a digit (whichever is shorter).
   */
  function articles(value, size) {
    const marks = new Uint8Array(size);
    if (value.startsWith("=")) {
      for (let i = 1; i < value.length; i++) {
        const bits = DIGIT.get(value[i]);
        for (let b = 0; b < 6; b++) if (bits & (1 << b)) marks[(i - 1) * 6 + b] = 1;
      }
    } else {
      let doc = -1;
      for (const gap of numbers(value)) marks[(doc += gap + 1)] = 1;
    }
    return marks;
  }

  /**
   * The month and source of every article, from the manifest's runs: triples of
   * (run length, month number, source number), in article-id order.
   */
  function runs(text, size) {
    const month = new Uint16Array(size);
    const source = new Uint16Array(size);
    const found = numbers(text);
    for (let i = 0, doc = 0; i < found.length; i += 3) {
      month.fill(found[i + 1], doc, doc + found[i]);
      source.fill(found[i + 2], doc, doc + found[i]);
      doc += found[i];
    }
    return { month, source };
  }

  ns.decode = { numbers, postings, positions, articles, runs };
})();
