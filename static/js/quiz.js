// The quiz, one statement at a time (htmx does the requests; this file only helps).
// - choosing an answer with a pointer, Space or a number key 1-7 moves on;
//   arrow keys only move between answers, and Enter moves on;
// - after each swap, focus lands on the new statement so a screen reader reads it;
// - the result page's "Copy link" button.
(function () {
  "use strict";

  var moveOnNextChange = false;

  function stepForm(element) {
    return element && element.closest ? element.closest("form[data-quiz-step]") : null;
  }

  function submit(form) {
    if (form && !form.dataset.sending) {
      form.dataset.sending = "true";
      form.requestSubmit();
    }
  }

  document.addEventListener("pointerdown", function (event) {
    moveOnNextChange = Boolean(stepForm(event.target));
  });

  document.addEventListener("keydown", function (event) {
    var form = stepForm(event.target);
    if (!form) return;
    if (/^[1-7]$/.test(event.key) && !event.altKey && !event.ctrlKey && !event.metaKey) {
      var radio = form.querySelector('input[type="radio"][value="' + event.key + '"]');
      if (radio) {
        event.preventDefault();
        radio.checked = true;
        submit(form);
      }
    } else if (event.key === "Enter" && event.target.type === "radio") {
      event.preventDefault();
      submit(form);
    } else if (event.key === " " && event.target.type === "radio") {
      moveOnNextChange = true;
    } else {
      moveOnNextChange = false;
    }
  });

  document.addEventListener("change", function (event) {
    var form = stepForm(event.target);
    if (form && event.target.type === "radio" && moveOnNextChange) {
      moveOnNextChange = false;
      submit(form);
    }
  });

  // A Space on a radio that is already checked fires no change: still move on.
  document.addEventListener("keyup", function (event) {
    var form = stepForm(event.target);
    if (form && event.key === " " && event.target.type === "radio" && event.target.checked) {
      submit(form);
    }
  });

  // A step the server refused (an expired form, too many tries...): let the browser send
  // the form itself, so the visitor sees the page that explains. A step that never
  // reached the server: free the form, so choosing again tries again.
  document.addEventListener("htmx:responseError", function (event) {
    var form = stepForm(event.detail.elt);
    if (form) {
      delete form.dataset.sending;
      form.submit();
    }
  });
  document.addEventListener("htmx:sendError", function (event) {
    var form = stepForm(event.detail.elt);
    if (form) delete form.dataset.sending;
  });

  function focusStatement() {
    var target = document.querySelector("[data-quiz-focus]");
    if (target && !target.contains(document.activeElement)) target.focus();
  }
  // afterSwap moves focus at once; afterSettle makes sure it stayed there.
  document.addEventListener("htmx:afterSwap", focusStatement);
  function refocusIfLost() {
    var active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) focusStatement();
  }
  document.addEventListener("htmx:afterSettle", function () {
    refocusIfLost();
    window.setTimeout(refocusIfLost, 50);
  });

  // With JavaScript, start the question-by-question version; without it, the one-page form.
  function upgradeLinks() {
    document.querySelectorAll("a[data-quiz-steps]").forEach(function (link) {
      link.href = link.dataset.quizSteps;
    });
    document.querySelectorAll("[data-quiz-copy]").forEach(function (button) {
      if (navigator.clipboard) button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-quiz-copy]") : null;
    if (!button) return;
    var field = document.getElementById(button.dataset.quizCopy);
    var status = document.querySelector("[data-quiz-copy-status]");
    navigator.clipboard.writeText(field.value).then(
      function () { if (status) status.textContent = status.dataset.copied; },
      function () {
        field.select();
        if (status) status.textContent = status.dataset.failed;
      }
    );
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", upgradeLinks);
  } else {
    upgradeLinks();
  }
})();
