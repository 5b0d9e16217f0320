// "Leave this site": someone may need to hide this page in a hurry.
// Without JavaScript the link is an ordinary link to a neutral site. With it, the
// neutral site *replaces* this page in the tab's history, so Back does not return here,
// and pressing Escape twice in a row leaves the same way from anywhere on the page.
(function () {
  "use strict";

  var link = document.querySelector("a[data-quick-exit]");
  if (!link) return;

  function leave() {
    document.documentElement.hidden = true; // nothing lingers on screen while it loads
    window.location.replace(link.href);
  }

  link.addEventListener("click", function (event) {
    // A middle-click or Ctrl-click asks for a new tab: leave that to the browser.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    leave();
  });

  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    if (now - lastEscape < 1500) leave();
    lastEscape = now;
  });
})();
