// Booking: show times in the visitor's own time zone, detected by the browser.
// Without JavaScript the zone list and the "Show times" button do the same job.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("zone-form");
  if (!form) return;
  const select = form.querySelector("select[name=tz]");
  select.addEventListener("change", () => form.requestSubmit());
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
