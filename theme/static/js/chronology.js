// Filter the chronology by participant and kind. Without JavaScript every event shows.
(function () {
  "use strict";
  var form = document.querySelector(".chronology-filter");
  if (!form) return;
  var who = form.elements.who, kind = form.elements.kind;
  var count = form.querySelector(".filter-count");
  var params = new URLSearchParams(location.search);
  who.value = params.get("who") || "";
  kind.value = params.get("kind") || "";

  function apply() {
    var shown = 0;
    document.querySelectorAll(".timeline .day").forEach(function (day) {
      var visible = 0;
      day.querySelectorAll(".event").forEach(function (event) {
        var ok = (!who.value || event.dataset.participants.split(" ").indexOf(who.value) >= 0) &&
                 (!kind.value || event.dataset.kind === kind.value);
        event.hidden = !ok;
        visible += ok ? 1 : 0;
      });
      day.hidden = visible === 0;
      shown += visible;
    });
    document.querySelectorAll(".timeline .gap").forEach(function (gap) {
      gap.hidden = Boolean(who.value || kind.value);
    });
    count.textContent = shown + (shown === 1 ? " event" : " events");
    var query = new URLSearchParams();
    if (who.value) query.set("who", who.value);
    if (kind.value) query.set("kind", kind.value);
    var search = query.toString();
    history.replaceState(null, "", search ? "?" + search + location.hash : location.pathname + location.hash);
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();
