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
  let zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch {
    return;
  }
  if (!zone || zone === select.value) return;
  if (![...select.options].some((option) => option.value === zone)) {
    select.add(new Option(zone.replaceAll("_", " "), zone), 0);
  }
  select.value = zone;
  form.requestSubmit();
});

// Choosing a day swaps in that day's times and removes the link that had focus: move
// focus to the new times, so a keyboard or screen reader user carries on from there.
let dayChosen = false;
document.addEventListener("htmx:beforeRequest", (event) => {
  dayChosen = event.detail.elt.classList.contains("day");
});
document.addEventListener("htmx:afterSettle", () => {
  if (!dayChosen) return;
  dayChosen = false;
  const legend = document.querySelector("#picker .times legend");
  if (legend) legend.focus();
});
