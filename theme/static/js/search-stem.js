/* Search, part 1 of 5: words as the index holds them.
 *
 * The rules of archive/search_index.py, so the browser finds what the command line
 * finds: Whoosh's word pattern, lower case, and its Porter stemmer step for step
 * (quirks included). Registers `words`, `stem` and `TOKEN` on window.__archiveSearch.
 */
(() => {
  "use strict";

  const ns = (window.__archiveSearch = window.__archiveSearch || {});

  // Whoosh's token pattern, [\w*]+(\.?[\w*]+)*, with Python's Unicode \w.
  const TOKEN = /[\p{L}\p{N}_*]+(?:\.?[\p{L}\p{N}_*]+)*/gu;

  const STEP2 = { ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize",
    bli: "ble", alli: "al", entli: "ent", eli: "e", ousli: "ous", ization: "ize", ation: "ate",
    ator: "ate", alism: "al", iveness: "ive", fulness: "ful", ousness: "ous", aliti: "al",
    iviti: "ive", biliti: "ble", logi: "log" };
  const STEP3 = { icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic", ful: "",
    ness: "" };
  const C = "[^aeiouy]+";
  const V = "[aeiou]+";
  const M_GT0 = new RegExp(`^(${C})?${V}${C}`);
  const M_EQ1 = new RegExp(`^(${C})?${V}${C}(${V})?$`);
  const M_GT1 = new RegExp(`^(${C})?${V}${C}${V}${C}`);
  const HAS_VOWEL = new RegExp(`^(${C})?[aeiouy]`);
  const CVC = new RegExp(`^${C}[aeiouy][^aeiouwxy]$`);
  const ED_ING = /^(.*)(ed|ing)$/;
  // whoosh.lang.porter calls re.match (anchored at the start) on these two: kept as is.
  const AT_BL_IZ = /^(?:at|bl|iz)$/;
  const DOUBLE = /^([^aeiouylsz])\1$/;
  const STEP2_RE = new RegExp(`^(.+?)(${Object.keys(STEP2).join("|")})$`);
  const STEP3_RE = new RegExp(`^(.+?)(${Object.keys(STEP3).join("|")})$`);
  const STEP4_RE = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
  const STEP4_ION = /^(.+?)(s|t)(ion)$/;
  const STEP5_RE = /^(.+?)e$/;

  /** whoosh.lang.porter.stem, step for step (its quirks included). */
  function porter(word) {
    if ([...word].length < 3) return word;
    let w = word;
    const firstY = w[0] === "y";
    if (firstY) w = `Y${w.slice(1)}`;
    if (w.endsWith("s")) {
      if (w.endsWith("sses") || w.endsWith("ies")) w = w.slice(0, -2);
      else if (w[w.length - 2] !== "s") w = w.slice(0, -1);
    }
    if (w.endsWith("eed")) {
      if (M_GT0.test(w.slice(0, -3))) w = w.slice(0, -1);
    } else {
      const m = ED_ING.exec(w);
      if (m && HAS_VOWEL.test(m[1])) {
        w = m[1];
        if (AT_BL_IZ.test(w)) w += "e";
        else if (DOUBLE.test(w)) w = w.slice(0, -1);
        else if (CVC.test(w)) w += "e";
      }
    }
    if (w.endsWith("y") && HAS_VOWEL.test(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
    let m = STEP2_RE.exec(w);
    if (m && M_GT0.test(m[1])) w = m[1] + STEP2[m[2]];
    m = STEP3_RE.exec(w);
    if (m && M_GT0.test(m[1])) w = m[1] + STEP3[m[2]];
    m = STEP4_RE.exec(w);
    if (m) {
      if (M_GT1.test(m[1])) w = m[1];
    } else {
      m = STEP4_ION.exec(w);
      if (m && M_GT1.test(m[1] + m[2])) w = m[1] + m[2];
    }
    m = STEP5_RE.exec(w);
    if (m && (M_GT1.test(m[1]) || (M_EQ1.test(m[1]) && !CVC.test(m[1])))) w = m[1];
    if (w.endsWith("ll") && M_GT1.test(w)) w = w.slice(0, -1);
    if (firstY) w = `y${w.slice(1)}`;
    return w;
  }

  const stems = new Map();

  /** The stem of a lower-case word; each distinct word is stemmed once. */
  function stem(word) {
    let found = stems.get(word);
    if (found === undefined) {
      found = porter(word);
      stems.set(word, found);
    }
    return found;
  }

  /** The words of `text`, lower case, as Whoosh's tokenizer cuts them. */
  function words(text) {
    return (text.match(TOKEN) || []).map((w) => w.toLowerCase());
  }

  Object.assign(ns, { TOKEN, stem, words });
})();
