/* Search, part 5 of 5: the search page and the header box on every other page.
 *
 * Plain JavaScript, no framework, nothing loaded from outside the site. Everything
 * from the archive reaches the page as text (textContent), never as HTML. Reads
 * the index through window.__archiveSearch.openIndex (search-load.js).
 */
(() => {
  "use strict";

  const ns = window.__archiveSearch;
  const { TOKEN, stem, openIndex } = ns;
  const siteRoot = new URL("../", ns.indexBase);
  const PAGE_SIZE = 10;
  const POPUP_SIZE = 5;
  const DEBOUNCE_MS = 150;
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];

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

  /** One result of the search page: title, date and source, and its passage. */
  async function resultItem(index, doc, query) {
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
    const text = element("p", "search-result__snippet");
    const passage = anchor ? element("a", "search-result__passage") : text;
    passage.append(highlighted(index, snippet, query));
    if (anchor) {
      passage.href = `${link.href}#${encodeURIComponent(anchor)}`;
      text.append(passage);
    }
    item.append(heading, meta, text);
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

  /** "Entity page: Dushanbe", one link per entity the query names: offered first. */
  function entityLinks(named) {
    return named.flatMap((n, i) => {
      const link = element("a", "search-page__entity", n.name);
      link.href = new URL(n.url, siteRoot).href;
      return i ? [", ", link] : ["Entity page: ", link];
    });
  }

  function searchPage(root, header) {
    const input = root.querySelector("#search-query");
    const status = root.querySelector("#search-status");
    const list = root.querySelector("#search-results");
    const facetBox = root.querySelector("#search-facets");
    const more = root.querySelector("#search-more");
    const named = root.querySelector("#search-entities");
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
        named.hidden = true;
        status.textContent = "";
        more.hidden = true;
        return;
      }
      root.setAttribute("aria-busy", "true");
      try {
        const index = await openIndex();
        const found = await index.search(text, { asYouType, filters, entities: entitiesOpen });
        const items = await Promise.all(
          found.ranked.slice(0, shown).map(([doc]) => resultItem(index, doc, found.query)),
        );
        const hint = await index.suggest(found.query, text);
        if (mine !== run) return;
        list.replaceChildren(...items);
        facetBox.replaceChildren(...facetGroups(found.facets));
        status.textContent = statusText(found.total, text) + (hint ? ` Did you mean “${hint}”?` : "");
        named.replaceChildren(...entityLinks(found.query.named));
        named.hidden = !found.query.named.length;
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

  /* ---------- The header box on every other page: an ARIA 1.2 combobox ---------- */

  /** The options of the popup: the named entities' pages, then the best articles. */
  async function popupOptions(index, found) {
    // An option holds no link (no control inside a control): it is followed by its data-href.
    const options = found.query.named.map((named) => {
      const option = element("li", "search-option search-option--entity");
      option.dataset.href = new URL(named.url, siteRoot).href;
      option.append(
        element("span", "search-option__link", named.name),
        element("span", "search-option__meta", " · entity page"),
      );
      return option;
    });
    for (const [doc] of found.ranked.slice(0, POPUP_SIZE)) {
      const [title, url, date, snippet, , source] = await index.card(doc, found.query);
      const option = element("li", "search-option");
      option.dataset.href = new URL(url, siteRoot).href;
      const link = element("span", "search-option__link");
      link.append(highlighted(index, title, found.query));
      const meta = element("span", "search-option__meta", ` · ${humanDate(date)}`);
      if (source) meta.append(` · ${source}`);
      const text = element("span", "search-option__snippet");
      text.append(highlighted(index, snippet, found.query));
      option.append(link, meta, text);
      options.push(option);
    }
    options.forEach((option, n) => {
      option.id = `site-search-option-${n}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
    });
    return options;
  }

  function headerBox(input) {
    const form = input.form;
    const panel = element("div", "search-popup");
    panel.hidden = true;
    const list = element("ul", "search-popup__results");
    list.id = "site-search-popup";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search suggestions");
    const message = element("p", "search-popup__status");
    const all = element("a", "search-popup__all", "All results");
    panel.append(message, list, all);
    // The live region is always in the tree, outside the panel that hides.
    const live = element("p", "visually-hidden search-popup__live");
    live.setAttribute("role", "status");
    form.append(panel, live);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    let run = 0;
    let active = -1;

    const options = () => [...list.querySelectorAll('[role="option"]')];
    function setOpen(open) {
      panel.hidden = !open;
      input.setAttribute("aria-expanded", String(open && options().length > 0));
      if (!open) select(-1);
    }
    function select(n) {
      active = n;
      options().forEach((option, i) => option.setAttribute("aria-selected", String(i === n)));
      if (n >= 0) input.setAttribute("aria-activedescendant", options()[n].id);
      else input.removeAttribute("aria-activedescendant");
    }

    async function update() {
      const mine = ++run;
      const text = input.value;
      if (!text.trim()) {
        list.replaceChildren();
        message.textContent = live.textContent = "";
        setOpen(false);
        return;
      }
      try {
        const index = await openIndex();
        const found = await index.search(text, { asYouType: true });
        const items = await popupOptions(index, found);
        if (mine !== run) return;
        list.replaceChildren(...items);
        const hint = await index.suggest(found.query, text);
        const said = statusText(found.total, text) + (hint ? ` Did you mean “${hint}”?` : "");
        message.textContent = live.textContent = said;
        all.href = `${new URL("search.html", siteRoot).href}?q=${encodeURIComponent(text)}`;
        all.hidden = !found.total;
        select(-1);
        setOpen(true);
      } catch (error) {
        if (mine !== run) return;
        list.replaceChildren();
        message.textContent = live.textContent = `Search is unavailable: ${error.message}`;
        all.hidden = true;
        setOpen(true);
      }
    }

    input.addEventListener("input", debounce(update, DEBOUNCE_MS));
    list.addEventListener("click", (event) => {
      const option = event.target.closest('[role="option"]');
      if (option) location.assign(option.dataset.href);
    });
    input.addEventListener("keydown", (event) => {
      const count = options().length;
      if ((event.key === "ArrowDown" || event.key === "ArrowUp") && count) {
        event.preventDefault();
        if (panel.hidden) setOpen(true);
        if (event.key === "ArrowDown") select((active + 1) % count);
        else select(active <= 0 ? count - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        location.assign(options()[active].dataset.href);
      } else if (event.key === "Escape") {
        event.preventDefault();
        if (!panel.hidden) setOpen(false);
        else {
          input.value = "";
          update();
        }
      }
    });
    form.addEventListener("focusout", (event) => {
      if (!form.contains(event.relatedTarget)) setOpen(false);
    });
    document.addEventListener("pointerdown", (event) => {
      if (!form.contains(event.target)) setOpen(false);
    });
    input.addEventListener("focus", () => {
      if (input.value.trim() && list.childElementCount) setOpen(true);
    });
  }

  const page = document.querySelector(".search-page[data-search]");
  const header = document.getElementById("site-search");
  if (page) searchPage(page, header);
  else if (header) headerBox(header);
})();
