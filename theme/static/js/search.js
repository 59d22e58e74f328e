/* Search of the briefing archive, in the browser, from the index under search/.
 *
 * Plain JavaScript, no framework, nothing loaded from outside the site. The index
 * is read with <script> tags (see archive/browser_index.py), so a copy of the site
 * opened from disk (file://) searches like the served one.
 *
 * The rules mirror archive/search_index.py, so the command line and the browser
 * rank alike: Whoosh's word pattern, lower case, its stop words and its Porter
 * stemmer; all words must match; "quoted phrases" match word for word; while
 * typing, the last word also matches the words it begins; the score is the sum of
 * the precomputed BM25F impacts.
 *
 * Everything from the archive reaches the page as text (textContent), never as
 * HTML.
 */
(() => {
  "use strict";

  const script = document.currentScript;
  const indexBase = new URL(script.dataset.index || "search/", document.baseURI);
  const siteRoot = new URL("../", indexBase);
  const PAGE_SIZE = 10;
  const POPUP_SIZE = 5;
  const DEBOUNCE_MS = 150;
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const DIGIT = new Map([...DIGITS].map((c, i) => [c, i]));
  // Whoosh's token pattern, [\w*]+(\.?[\w*]+)*, with Python's Unicode \w.
  const TOKEN = /[\p{L}\p{N}_*]+(?:\.?[\p{L}\p{N}_*]+)*/gu;
  const QUERY_PART = /"([^"]*)"?|([^\s"]+)/g;

  /* ---------- Loading payloads through <script> tags ---------- */

  const payloads = new Map();
  const waiting = new Map();
  window.__archiveSearch = {
    load(key, payload) {
      payloads.set(key, payload);
      const entry = waiting.get(key);
      if (entry) {
        waiting.delete(key);
        entry.resolve(payload);
      }
    },
  };

  function load(key, path) {
    if (payloads.has(key)) return Promise.resolve(payloads.get(key));
    let entry = waiting.get(key);
    if (!entry) {
      entry = {};
      entry.promise = new Promise((resolve, reject) => {
        entry.resolve = resolve;
        entry.reject = reject;
      });
      waiting.set(key, entry);
      const tag = document.createElement("script");
      tag.src = new URL(path, indexBase).href;
      tag.onload = () => tag.remove();
      tag.onerror = () => {
        waiting.delete(key);
        tag.remove();
        entry.reject(new Error(`search index file missing: ${path}`));
      };
      document.head.appendChild(tag);
    }
    return entry.promise;
  }

  /* ---------- Words: Whoosh's tokens, stop words and Porter stemmer ---------- */

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
  function stem(word) {
    let found = stems.get(word);
    if (found === undefined) {
      found = porter(word);
      stems.set(word, found);
    }
    return found;
  }

  function words(text) {
    return (text.match(TOKEN) || []).map((w) => w.toLowerCase());
  }

  /* ---------- Numbers written as base-64 digits (see browser_index.varint) ---------- */

  function decode(text) {
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

  /* ---------- The index ---------- */

  class Index {
    constructor(manifest) {
      this.m = manifest;
      this.stop = new Set(manifest.stop);
      this.postingCache = new Map();
      this.positionCache = new Map();
      this.entityCache = new Map();
      this.completionCache = new Map();
      this.month = new Uint16Array(manifest.articles);
      this.source = new Uint16Array(manifest.articles);
      const runs = decode(manifest.runs);
      for (let i = 0, doc = 0; i < runs.length; i += 3) {
        this.month.fill(runs[i + 1], doc, doc + runs[i]);
        this.source.fill(runs[i + 2], doc, doc + runs[i]);
        doc += runs[i];
      }
    }

    indexed(word) {
      return [...word].length >= 2 && !this.stop.has(word);
    }

    static shardOf(firsts, key) {
      let lo = 0;
      let hi = firsts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (firsts[mid] <= key) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    }

    shard(kind, number) {
      return load(`${kind}${number}`, `${kind}/${number}.js`);
    }

    async entry(key) {
      const number = Index.shardOf(this.m.terms, key);
      return (await this.shard("t", number))[key];
    }

    /** The indexed words that begin with `prefix`, shortest first (as parse_query). */
    async complete(prefix) {
      if (!this.completionCache.has(prefix)) {
        this.completionCache.set(prefix, await this.completions(prefix));
      }
      return this.completionCache.get(prefix);
    }

    async completions(prefix) {
      const first = Index.shardOf(this.m.terms, prefix);
      const last = Index.shardOf(this.m.terms, `${prefix}\uffff`);
      const found = [];
      for (let n = first; n <= last; n++) {
        const shard = await this.shard("t", n);
        for (const [key, value] of Object.entries(shard)) {
          if (key.startsWith(prefix) && (typeof value === "string" || value[1])) found.push(key);
        }
      }
      const order = (w) => [...w].length;
      found.sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
      return found.slice(0, this.m.prefix[1]);
    }

    /** The query as archive.search_index.parse_query reads it. */
    async parse(text, asYouType) {
      const groups = [];
      const phrases = [];
      const parts = [...text.matchAll(QUERY_PART)];
      for (const part of parts) {
        const found = words(part[1] !== undefined ? part[1] : part[2]);
        if (part[1] !== undefined && found.length > 1) phrases.push(found);
        for (const w of found) if (this.indexed(w)) groups.push([stem(w)]);
      }
      const last = asYouType ? this.prefixWord(text, parts) : null;
      if (last) {
        const expanded = new Set();
        for (const w of await this.complete(last)) expanded.add(stem(w));
        if (this.indexed(last)) {
          groups.pop();
          expanded.add(stem(last));
        }
        groups.push([...expanded].sort());
      }
      const unique = new Map();
      for (const g of groups) if (g.length) unique.set(g.join(" "), g);
      return { groups: [...unique.values()], phrases };
    }

    prefixWord(text, parts) {
      const part = parts[parts.length - 1];
      if (!part || /\s$/.test(text) || part[2] === undefined) return null;
      if (part.index + part[0].length !== text.length) return null;
      const found = words(part[2]);
      const last = found.length ? found[found.length - 1] : "";
      return [...last].length >= this.m.prefix[0] ? last : null;
    }

    /** {docs, impacts} of one stem (typed arrays, by article id); undefined if not indexed. */
    async postings(s) {
      if (this.postingCache.has(s)) return this.postingCache.get(s);
      const value = await this.entry(s);
      let found;
      if (Array.isArray(value)) {
        const text = value[0];
        const docs = [];
        const impacts = [];
        const [low, step] = this.m.impact;
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
        found = { docs: Int32Array.from(docs), impacts: Float64Array.from(impacts) };
      }
      this.postingCache.set(s, found);
      return found;
    }

    async cards(s) {
      const value = await this.entry(s);
      return Array.isArray(value) ? value[2] : [];
    }

    /** Map article id -> positions of one word (indexed words only). */
    async positions(word) {
      if (this.positionCache.has(word)) return this.positionCache.get(word);
      const number = Index.shardOf(this.m.positions, word);
      const text = (await this.shard("p", number))[word] || "";
      const numbers = decode(text);
      const map = new Map();
      for (let i = 0, doc = -1; i < numbers.length; ) {
        doc += numbers[i] + 1;
        const count = numbers[i + 1];
        const found = new Array(count);
        for (let k = 0, pos = -1; k < count; k++) {
          pos += numbers[i + 2 + k] + 1;
          found[k] = pos;
        }
        map.set(doc, found);
        i += 2 + count;
      }
      this.positionCache.set(word, map);
      return map;
    }

    async facets() {
      return load("ffacets", "facets.js");
    }

    /** A Uint8Array marking the articles that name an entity. */
    async entityArticles(id) {
      if (this.entityCache.has(id)) return this.entityCache.get(id);
      const value = (await this.facets())[id] || "";
      const marks = new Uint8Array(this.m.articles);
      if (value.startsWith("=")) {
        for (let i = 1; i < value.length; i++) {
          const bits = DIGIT.get(value[i]);
          for (let b = 0; b < 6; b++) if (bits & (1 << b)) marks[(i - 1) * 6 + b] = 1;
        }
      } else {
        let doc = -1;
        for (const gap of decode(value)) marks[(doc += gap + 1)] = 1;
      }
      this.entityCache.set(id, marks);
      return marks;
    }

    async phraseHolds(phrase, docs) {
      const slots = [];
      for (let i = 0; i < phrase.length; i++) {
        if (this.indexed(phrase[i])) slots.push([i, await this.positions(phrase[i])]);
      }
      if (!slots.length) return docs;
      return docs.filter((doc) => {
        const lists = slots.map(([, map]) => map.get(doc));
        if (lists.some((l) => !l)) return false;
        const rest = lists.slice(1).map((l) => new Set(l));
        return lists[0].some((p) =>
          rest.every((set, k) => set.has(p - slots[0][0] + slots[k + 1][0])),
        );
      });
    }

    /**
     * Ranked article ids for a query, after filters, with facet counts.
     * filters: {entity, source, month} (values as in the manifest).
     */
    async search(text, { asYouType = false, filters = {}, entities = false } = {}) {
      const query = await this.parse(text, asYouType);
      if (!query.groups.length) {
        return { query, total: 0, ranked: [], facets: await this.facetCounts([], false) };
      }
      const n = this.m.articles;
      const score = new Float64Array(n);
      const matched = new Uint16Array(n); // how many groups each article matches
      const stamp = new Uint16Array(n); // the last group that counted it
      for (let g = 0; g < query.groups.length; g++) {
        for (const s of query.groups[g]) {
          const found = await this.postings(s);
          if (!found) continue;
          const { docs, impacts } = found;
          for (let i = 0; i < docs.length; i++) {
            const doc = docs[i];
            score[doc] += impacts[i];
            if (stamp[doc] !== g + 1) {
              stamp[doc] = g + 1;
              matched[doc]++;
            }
          }
        }
      }
      let docs = [];
      for (let doc = 0; doc < n; doc++) if (matched[doc] === query.groups.length) docs.push(doc);
      for (const phrase of query.phrases) docs = await this.phraseHolds(phrase, docs);
      docs = await this.applyFilters(docs, filters);
      docs.sort((a, b) => score[b] - score[a] || a - b);
      return {
        query,
        total: docs.length,
        ranked: docs.map((doc) => [doc, score[doc]]),
        facets: await this.facetCounts(docs, entities || Boolean(filters.entity)),
      };
    }

    async applyFilters(docs, { entity, source, month }) {
      let kept = docs;
      if (entity) {
        const marks = await this.entityArticles(entity);
        kept = kept.filter((doc) => marks[doc]);
      }
      if (source) {
        const n = this.m.sources.indexOf(source);
        kept = kept.filter((doc) => this.source[doc] === n);
      }
      if (month) {
        const n = this.m.months.indexOf(month);
        kept = kept.filter((doc) => this.month[doc] === n);
      }
      return kept;
    }

    /** Counts of each facet value among `docs`; entities only when asked (facets.js). */
    async facetCounts(docs, withEntities) {
      const count = (names, column) => {
        const tally = new Array(names.length).fill(0);
        for (const doc of docs) tally[column[doc]]++;
        return names.map((name, i) => [name, name, tally[i]]).filter((f) => f[2]);
      };
      const entity = withEntities ? [] : null;
      if (withEntities && docs.length) {
        for (const [id, name] of this.m.entities) {
          const marks = await this.entityArticles(id);
          let n = 0;
          for (const doc of docs) n += marks[doc];
          if (n) entity.push([id, name, n]);
        }
      }
      const byCount = (a, b) => b[2] - a[2] || (a[1] < b[1] ? -1 : 1);
      return {
        entity: entity && entity.sort(byCount),
        source: count(this.m.sources, this.source).sort(byCount),
        month: count(this.m.months, this.month).reverse(),
      };
    }

    /**
     * What a result shows: [title, url, date, snippet, paragraph id, source]. The
     * snippet is the card of the query's rarest stem that has one for this article;
     * title, url and date come with a full card, or else from the article's bundle.
     */
    async card(doc, query) {
      let snippet = null;
      let meta = null;
      let rarest = Infinity;
      for (const s of query.groups.flat()) {
        const map = await this.postings(s);
        const found = (await this.cards(s)).find((c) => c[0] === doc);
        if (!found) continue;
        if (found.length > 3) meta = found.slice(1, 4);
        if (map.docs.length < rarest) {
          rarest = map.docs.length;
          snippet = found.slice(-2);
        }
      }
      if (!meta || snippet === null) {
        const bundle = await this.shard("d", Math.floor(doc / this.m.bundle));
        const [title, url, date, lede] = bundle[doc % this.m.bundle];
        meta = [title, url, date];
        if (snippet === null) snippet = [lede, ""];
      }
      return [...meta, ...snippet, this.m.sources[this.source[doc]]];
    }
  }

  let indexPromise = null;
  function openIndex() {
    if (!indexPromise) {
      indexPromise = load("mmanifest", "manifest.js").then((m) => new Index(m));
      indexPromise.catch(() => {
        indexPromise = null;
      });
    }
    return indexPromise;
  }

  /* ---------- Rendering (text only: textContent and DOM nodes) ---------- */

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** `text` with every indexed word whose stem is a query stem in <mark>. */
  function highlighted(index, text, query) {
    const wanted = new Set(query.groups.flat());
    const fragment = document.createDocumentFragment();
    let cursor = 0;
    for (const match of text.matchAll(TOKEN)) {
      const word = match[0].toLowerCase();
      if (!index.indexed(word) || !wanted.has(stem(word))) continue;
      fragment.append(text.slice(cursor, match.index), element("mark", "", match[0]));
      cursor = match.index + match[0].length;
    }
    fragment.append(text.slice(cursor));
    return fragment;
  }

  function humanDate(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return d ? `${d} ${MONTHS[m - 1]} ${y}` : iso;
  }

  function humanMonth(month) {
    const [y, m] = month.split("-").map(Number);
    return `${MONTHS[m - 1]} ${y}`;
  }

  async function resultItem(index, doc, query, withSnippet) {
    const [title, url, date, snippet, anchor, source] = await index.card(doc, query);
    const item = element("li", "search-result");
    const link = element("a", "search-result__link");
    link.href = new URL(url, siteRoot).href;
    link.append(highlighted(index, title, query));
    const heading = element("h2", "search-result__title");
    heading.append(link);
    const meta = element("p", "meta search-result__meta");
    const time = element("time", "", humanDate(date));
    time.dateTime = date;
    meta.append(time);
    if (source) meta.append(` · ${source}`);
    item.append(heading, meta);
    if (withSnippet) {
      const text = element("p", "search-result__snippet");
      const passage = anchor ? element("a", "search-result__passage") : text;
      passage.append(highlighted(index, snippet, query));
      if (anchor) {
        passage.href = `${link.href}#${encodeURIComponent(anchor)}`;
        text.append(passage);
      }
      item.append(text);
    }
    return item;
  }

  function statusText(total, text) {
    if (!text.trim()) return "";
    const shown = `“${text.trim()}”`;
    if (!total) return `No articles match ${shown}.`;
    return `${total} ${total === 1 ? "article matches" : "articles match"} ${shown}.`;
  }

  function debounce(fn, ms) {
    let timer = 0;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  }

  /** Arrow keys move through the result links; Escape clears; Enter follows a link. */
  function keyboard(inputs, list, clear) {
    const links = () => [...list.querySelectorAll("a.search-result__link")];
    let input = inputs[0];
    for (const box of inputs) {
      box.addEventListener("keydown", (event) => {
        input = box;
        if (event.key === "ArrowDown" && links().length) {
          event.preventDefault();
          links()[0].focus();
        } else if (event.key === "Escape") {
          event.preventDefault();
          clear();
        }
      });
    }
    list.addEventListener("keydown", (event) => {
      const all = links();
      const at = all.indexOf(document.activeElement);
      if (at < 0) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const next = at + (event.key === "ArrowDown" ? 1 : -1);
        if (next < 0) input.focus();
        else all[Math.min(next, all.length - 1)].focus();
      } else if (event.key === "Escape") {
        event.preventDefault();
        clear();
      }
    });
  }

  /* ---------- The search page ---------- */

  function searchPage(root, header) {
    const input = root.querySelector("#search-query");
    const status = root.querySelector("#search-status");
    const list = root.querySelector("#search-results");
    const facetBox = root.querySelector("#search-facets");
    const more = root.querySelector("#search-more");
    const params = new URLSearchParams(location.search);
    const filters = {};
    for (const name of ["entity", "source", "month"]) {
      if (params.get(name)) filters[name] = params.get(name);
    }
    let shown = PAGE_SIZE;
    let run = 0;
    let entitiesOpen = Boolean(filters.entity);

    function keepInUrl() {
      const next = new URLSearchParams();
      if (input.value.trim()) next.set("q", input.value);
      for (const [name, value] of Object.entries(filters)) next.set(name, value);
      const query = next.toString();
      history.replaceState(null, "", query ? `?${query}` : location.pathname);
    }

    async function update(asYouType) {
      const mine = ++run;
      const text = input.value;
      if (header && header.value !== text) header.value = text;
      keepInUrl();
      if (!text.trim()) {
        list.replaceChildren();
        facetBox.replaceChildren();
        status.textContent = "";
        more.hidden = true;
        return;
      }
      root.setAttribute("aria-busy", "true");
      try {
        const index = await openIndex();
        const found = await index.search(text, { asYouType, filters, entities: entitiesOpen });
        const items = await Promise.all(
          found.ranked.slice(0, shown).map(([doc]) => resultItem(index, doc, found.query, true)),
        );
        if (mine !== run) return;
        list.replaceChildren(...items);
        facetBox.replaceChildren(...facetGroups(found.facets));
        status.textContent = statusText(found.total, text);
        more.hidden = found.total <= shown;
      } catch (error) {
        if (mine === run) status.textContent = `Search is unavailable: ${error.message}`;
      } finally {
        if (mine === run) root.removeAttribute("aria-busy");
      }
    }

    /**
     * Source and month counts come with the manifest; the entity counts need
     * facets.js (75 KB at 10,000 articles), so they load when the reader opens
     * the Entity group (or follows a link that filters by entity).
     */
    function facetGroups(counts) {
      const labels = { entity: "Entity", source: "Source", month: "Month" };
      return Object.entries(labels).map(([name, label]) => {
        const group = element(name === "entity" ? "details" : "section", "search-facet");
        const title = element(name === "entity" ? "summary" : "h2", "search-facet__title", label);
        group.append(title);
        if (name === "entity") {
          group.dataset.facetGroup = name;
          group.open = entitiesOpen;
        }
        const values = element("ul", "search-facet__values");
        for (const [value, text, count] of counts[name] || []) {
          const button = element("button", "search-facet__value");
          button.type = "button";
          button.dataset.facet = name;
          button.dataset.value = value;
          button.setAttribute("aria-pressed", String(filters[name] === value));
          button.append(
            name === "month" ? humanMonth(text) : text || "(no source)",
            " ",
            element("span", "search-facet__count", `(${count})`),
          );
          const item = element("li");
          item.append(button);
          values.append(item);
        }
        group.append(values);
        return group;
      });
    }

    facetBox.addEventListener(
      "toggle",
      (event) => {
        if (event.target.dataset.facetGroup !== "entity") return;
        entitiesOpen = event.target.open;
        if (entitiesOpen && !event.target.querySelector("button")) update(false);
      },
      true,
    );
    facetBox.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-facet]");
      if (!button) return;
      const { facet, value } = button.dataset;
      if (filters[facet] === value) delete filters[facet];
      else filters[facet] = value;
      shown = PAGE_SIZE;
      update(false);
    });
    more.addEventListener("click", () => {
      shown += PAGE_SIZE;
      update(false);
    });
    const typed = debounce(() => {
      shown = PAGE_SIZE;
      update(true);
    }, DEBOUNCE_MS);
    input.addEventListener("input", typed);
    if (header) {
      header.addEventListener("input", () => {
        input.value = header.value;
        typed();
      });
      header.form.addEventListener("submit", (event) => {
        event.preventDefault();
        input.value = header.value;
        update(false);
      });
    }
    root.querySelector("form").addEventListener("submit", (event) => {
      event.preventDefault();
      update(false);
    });
    const clear = () => {
      input.value = "";
      update(false);
      input.focus();
    };
    keyboard(header ? [input, header] : [input], list, clear);
    input.value = params.get("q") || "";
    if (input.value) update(false);
  }

  /* ---------- The header box on every other page ---------- */

  function headerBox(input) {
    const form = input.form;
    const panel = element("div", "search-popup");
    panel.id = "site-search-popup";
    panel.hidden = true;
    const status = element("p", "search-popup__status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    const list = element("ol", "search-results search-popup__results");
    const all = element("a", "search-popup__all", "All results");
    panel.append(status, list, all);
    form.append(panel);
    input.setAttribute("aria-controls", panel.id);
    let run = 0;

    async function update() {
      const mine = ++run;
      const text = input.value;
      if (!text.trim()) {
        panel.hidden = true;
        list.replaceChildren();
        status.textContent = "";
        return;
      }
      try {
        const index = await openIndex();
        const found = await index.search(text, { asYouType: true });
        const items = await Promise.all(
          found.ranked.slice(0, POPUP_SIZE).map(([doc]) => resultItem(index, doc, found.query, false)),
        );
        if (mine !== run) return;
        list.replaceChildren(...items);
        status.textContent = statusText(found.total, text);
        all.href = `${new URL("search.html", siteRoot).href}?q=${encodeURIComponent(text)}`;
        all.hidden = !found.total;
        panel.hidden = false;
      } catch (error) {
        if (mine === run) status.textContent = `Search is unavailable: ${error.message}`;
      }
    }

    input.addEventListener("input", debounce(update, DEBOUNCE_MS));
    keyboard([input], list, () => {
      input.value = "";
      update();
      input.focus();
    });
  }

  const page = document.querySelector(".search-page[data-search]");
  const header = document.getElementById("site-search");
  if (page) searchPage(page, header);
  else if (header) headerBox(header);

  window.__archiveSearch.engine = { openIndex, stem };
})();
