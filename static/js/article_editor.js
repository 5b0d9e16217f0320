// The article editor: a picture just uploaded goes where the cursor was in the text.
// The server answers the upload with a "picture-added" event carrying its Markdown
// (articles/admin.py picture_view); the preview then follows, as after any typing.
(function () {
  "use strict";
  let where = null;

  function box() {
    return document.getElementById("id_body");
  }

  document.addEventListener("selectionchange", function () {
    const body = box();
    if (body && document.activeElement === body) {
      where = [body.selectionStart, body.selectionEnd];
    }
  });

  document.body.addEventListener("picture-added", function (event) {
    const body = box();
    if (!body) return;
    const [start, end] = where || [body.value.length, body.value.length];
    const text = "\n\n" + event.detail.markdown + "\n\n";
    body.setRangeText(text, start, end, "end");
    where = [body.selectionStart, body.selectionEnd];
    body.dispatchEvent(new Event("input", { bubbles: true }));
    for (const id of ["picture-file", "picture-description"]) {
      document.getElementById(id).value = "";
    }
  });
})();
