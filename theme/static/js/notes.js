/* Passage notes on narrow screens, where a note is a popover card.
 *
 * A link to a noted passage (#anchor-NOTE, or the id of the paragraph that holds
 * it) opens its note, as a wide screen shows it beside the text. The card sits at
 * the bottom of the screen; when it opens, the page scrolls so the passage stays
 * in sight above it, and where the page cannot scroll far enough the card moves
 * to the top instead. Without popover support the notes read in place.
 */
(() => {
  "use strict";

  const GAP = 12;

  /** The note card shown for a target element: its own mark, or the first in it. */
  function noteFor(target) {
    if (!target) return null;
    const mark = target.matches("mark.annotated[id^='anchor-']")
      ? target
      : target.querySelector("mark.annotated[id^='anchor-']");
    return mark ? document.getElementById(`sidenote-${mark.id.slice("anchor-".length)}`) : null;
  }

  function isCard(note) {
    return typeof note.showPopover === "function" && getComputedStyle(note).position === "fixed";
  }

  /** Scroll the passage clear of the card; if that cannot be done, put the card on top. */
  function keepPassageInSight(note) {
    const mark = document.getElementById(`anchor-${note.id.slice("sidenote-".length)}`);
    if (!mark) return;
    note.classList.remove("sidenote--top");
    const card = note.getBoundingClientRect();
    let passage = mark.getBoundingClientRect();
    if (passage.bottom + GAP > card.top || passage.top < 0) {
      window.scrollBy(0, passage.top - GAP - Math.max(0, (card.top - passage.height) / 3));
      passage = mark.getBoundingClientRect();
    }
    if (passage.bottom + GAP > note.getBoundingClientRect().top) {
      note.classList.add("sidenote--top");
      const top = note.getBoundingClientRect();
      if (passage.top < top.bottom + GAP) window.scrollBy(0, passage.top - top.bottom - GAP);
    }
  }

  function openFromHash() {
    const id = decodeURIComponent(location.hash.slice(1));
    const note = id && noteFor(document.getElementById(id));
    if (note && isCard(note) && !note.matches(":popover-open")) note.showPopover();
  }

  for (const note of document.querySelectorAll(".sidenote[popover]")) {
    note.addEventListener("toggle", (event) => {
      if (event.newState === "open" && isCard(note)) keepPassageInSight(note);
    });
  }
  window.addEventListener("hashchange", openFromHash);
  openFromHash();
})();
