/* Search, part 3 of 5: the index and its ranking.
 *
 * The query rules of archive/search_index.py: all words must match; "quoted
 * phrases" match word for word; while typing, the last word also matches the words
 * it begins; the score is the sum of the precomputed BM25F impacts. Registers
 * `Index` and `INDEX_VERSION` on window.__archiveSearch; the index files reach it
 * through the `open` function it is given (search-load.js), so it runs without a
 * page as well (the unit tests run it in node).
 */
(() => {
  "use strict";

  const ns = (window.__archiveSearch = window.__archiveSearch || {});
  const { stem, words, decode } = ns;

  /** The manifest layout this code reads (browser_index.INDEX_VERSION). */
  const INDEX_VERSION = 2;
  const QUERY_PART = /"([^"]*)"?|([^\s"]+)/g;

  const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  /** Levenshtein distance, given up beyond `limit`. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) {
        next.push(Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
      }
      row = next;
    }
    return row[b.length];
  }

  /** The word of `vocabulary` nearest `word` at distance 1, else 2 (alphabetical on ties). */
  function nearest(word, vocabulary) {
    for (const limit of [1, 2]) {
      const found = [...vocabulary].filter((w) => w.length > 1 && distance(word, w, limit) <= limit);
      if (found.length) return found.sort(byText)[0];
    }
    return null;
  }

  class Index {
    /**
     * manifest: the payload of manifest.js; open(key, path): a promise of the
     * payload that the index file at `path` (relative to search/) registers as `key`.
     */
    constructor(manifest, open) {
      if (manifest.version !== INDEX_VERSION) {
        throw new Error(
          `the index is version ${manifest.version}, this page reads version ${INDEX_VERSION}` +
            " (reload the page)",
        );
      }
      this.m = manifest;
      this.open = open;
      this.stop = new Set(manifest.stop);
      this.postingCache = new Map();
      this.positionCache = new Map();
      this.entityCache = new Map();
      this.completionCache = new Map();
      ({ month: this.month, source: this.source } = decode.runs(manifest.runs, manifest.articles));
    }

    indexed(word) {
      return [...word].length >= 2 && !this.stop.has(word);
    }

    /** The shard whose first key is the last one <= `key` (firsts are sorted). */
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

    /** The file of shard `number` of a kind: its hash is the number-th of the kind's hashes. */
    path(kind, number) {
      const width = this.m.hash;
      return `${kind}/${this.m.files[kind].substr(number * width, width)}.js`;
    }

    /** Shard `number` of a kind ("t" terms, "p" positions, "d" bundles). */
    shard(kind, number) {
      return this.open(`${kind}${number}`, this.path(kind, number));
    }

    facets() {
      return this.open("ffacets", this.path("f", 0));
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
      found.sort((a, b) => order(a) - order(b) || byText(a, b));
      return found.slice(0, this.m.prefix[1]);
    }

    /**
     * The query as archive.search.analysis.parse_query reads it: {groups, phrases,
     * words, named}. A run of words naming a registered entity is one group
     * (archive/search/names.py).
     */
    async parse(text, asYouType) {
      const phrases = [];
      const items = []; // [word, group] for each word typed
      const parts = [...text.matchAll(QUERY_PART)];
      for (const part of parts) {
        const found = words(part[1] !== undefined ? part[1] : part[2]);
        if (part[1] !== undefined && found.length > 1) phrases.push(found);
        for (const w of found) items.push([w, this.indexed(w) ? [stem(w)] : []]);
      }
      const last = asYouType ? this.prefixWord(text, parts) : null;
      if (last) {
        const expanded = new Set();
        for (const w of await this.complete(last)) expanded.add(stem(w));
        if (this.indexed(last)) expanded.add(stem(last));
        items[items.length - 1] = [last, [...expanded].sort(byText)];
      }
      const named = this.nameGroups(items);
      const merged = new Map(named.map((n) => [n.start, n]));
      const covered = new Set();
      for (const n of named) for (let i = n.start; i < n.end; i++) covered.add(i);
      const unique = new Map();
      items.forEach(([, g], i) => {
        const group = merged.has(i) ? merged.get(i).group : g;
        if (group.length && (merged.has(i) || !covered.has(i))) unique.set(group.join(" "), group);
      });
      return { groups: [...unique.values()], phrases, words: items.map(([w]) => w), named };
    }

    /** The runs of words that name an entity (names.Names.match), each merged into one group. */
    nameGroups(items) {
      const names = this.m.names || { keys: {}, entities: {} };
      const keys = Object.keys(names.keys);
      const longest = Math.max(0, ...keys.map((k) => k.split(" ").length));
      const typed = items.map(([w]) => w);
      const found = [];
      let start = 0;
      while (start < typed.length) {
        let end = Math.min(typed.length, start + longest);
        for (; end > start; end--) {
          const key = typed.slice(start, end).join(" ");
          if (Object.hasOwn(names.keys, key)) break;
        }
        if (end === start) {
          start++;
          continue;
        }
        const entity = names.keys[typed.slice(start, end).join(" ")];
        const parts = items.slice(start, end).map(([, g]) => g).filter((g) => g.length);
        const [name, url, stems] = names.entities[entity];
        const all = new Set([...parts.flat(), ...stems.split(" ").filter(Boolean)]);
        if (all.size) {
          const group = [...all].sort(byText);
          found.push({ start, end, entity, name, url, group, parts, words: typed.slice(start, end) });
        }
        start = end;
      }
      return found;
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
      const found = Array.isArray(value) ? decode.postings(value[0], this.m.impact) : undefined;
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
      const map = decode.positions((await this.shard("p", number))[word] || "");
      this.positionCache.set(word, map);
      return map;
    }

    /** A Uint8Array marking the articles that name an entity. */
    async entityArticles(id) {
      if (this.entityCache.has(id)) return this.entityCache.get(id);
      const marks = decode.articles((await this.facets())[id] || "", this.m.articles);
      this.entityCache.set(id, marks);
      return marks;
    }

    /**
     * "Did you mean": `text` with each unknown word replaced by the nearest word of
     * the registry's names (edit distance 1, else 2), or null. The names are the
     * vocabulary the manifest carries (archive/search/names.py).
     */
    async suggest(query, text) {
      const vocabulary = new Set(Object.keys((this.m.names || { keys: {} }).keys).join(" ").split(" "));
      const named = new Set(query.named.flatMap((n) => n.words));
      let suggested = text;
      for (const word of new Set(query.words)) {
        if (!this.indexed(word) || named.has(word) || (await this.postings(stem(word)))) continue;
        const found = nearest(word, vocabulary);
        if (found) suggested = suggested.replace(new RegExp(`(?<!\\w)${escaped(word)}(?!\\w)`, "i"), found);
      }
      return suggested !== text ? suggested : null;
    }

    /** The articles of `docs` that mention the named entity or hold a stem of each part. */
    async namedHolds(named, docs) {
      const marks = await this.entityArticles(named.entity);
      const sets = [];
      for (const part of named.parts) {
        const set = new Set();
        for (const s of part) {
          const found = await this.postings(s);
          if (found) for (const doc of found.docs) set.add(doc);
        }
        sets.push(set);
      }
      const holds = (doc) => sets.length > 0 && sets.every((set) => set.has(doc));
      return docs.filter((doc) => marks[doc] || holds(doc));
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
      const named = new Map(query.named.map((n) => [n.group.join(" "), n.entity]));
      for (let g = 0; g < query.groups.length; g++) {
        const entity = named.get(query.groups[g].join(" "));
        if (entity) {
          // a named group also matches its entity's articles, which add no score
          const marks = await this.entityArticles(entity);
          for (let doc = 0; doc < n; doc++) {
            if (marks[doc] && stamp[doc] !== g + 1) {
              stamp[doc] = g + 1;
              matched[doc]++;
            }
          }
        }
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
      for (const named of query.named) docs = await this.namedHolds(named, docs);
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

    /** Counts of each facet value among `docs`; entities only when asked (facets file). */
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

  Object.assign(ns, { Index, INDEX_VERSION });
})();
