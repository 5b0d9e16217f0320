// Booking: show times in the visitor's own time zone, detected by the browser.
// Without JavaScript the zone list and the "Show times" button do the same job; with it,
// the button is hidden, since choosing a zone applies it at once.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("zone-form");
  if (!form) return;
  const select = form.querySelector("select[name=tz]");
  select.addEventListener("change", () => form.requestSubmit());
  form.classList.add("zone-form--live"); // choosing a zone applies it: no button needed
  if (new URLSearchParams(window.location.search).has("tz")) return;
  // Once the page has been drawn, in a task of its own: asking for the other zone's times
  // lays the page out, and doing that before the first paint kept a slow phone from
  // showing anything for longer.
  requestAnimationFrame(() => setTimeout(() => showTimesInTheVisitorsZone(form, select)));
});

function showTimesInTheVisitorsZone(form, select) {
  let zone = "";
  try {
    // Temporal answers at once; Intl's first use loads a locale's date data, which on a
    // slow phone blocks the page for a moment (about 75 ms at Lighthouse's 4x slowdown).
    zone = globalThis.Temporal?.Now.timeZoneId() || Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch {
    return;
  }
  if (!zone || zone === select.value) return;
  if (![...select.options].some((option) => option.value === zone)) {
    select.add(new Option(zone.replaceAll("_", " "), zone), 0);
  }
  select.value = zone;
  form.requestSubmit();
}

// Choosing a day or another week swaps in a new picker and removes the link that had
// focus: put focus where a keyboard or screen reader user carries on from. After a day,
// that is its times; after a week, the same week link again (or the week's chosen day
// when there is no further week that way).
// Each request carries its own choice: a quick second choice must not be taken by the
// first one's late settle.
const chosen = new WeakMap();
document.addEventListener("htmx:beforeRequest", (event) => {
  const link = event.detail.elt;
  if (link.classList.contains("day")) chosen.set(event.detail.xhr, "day");
  else if (link.classList.contains("week__step--next")) chosen.set(event.detail.xhr, "next");
  else if (link.classList.contains("week__step")) chosen.set(event.detail.xhr, "previous");
});
document.addEventListener("htmx:afterSettle", (event) => {
  const choice = chosen.get(event.detail.xhr);
  if (!choice) return;
  const picker = document.getElementById("picker");
  const target =
    choice === "day"
      ? picker.querySelector(".times legend")
      : picker.querySelector(`a.week__step--${choice}`) || picker.querySelector(".day--chosen");
  if (target) target.focus();
});
