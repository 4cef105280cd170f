// Keyboard-first review. No libraries, no remote assets; the server does all the work.
(function () {
  "use strict";
  function typing(e) {
    var t = e.target && e.target.tagName;
    return t === "INPUT" || t === "TEXTAREA" || t === "SELECT";
  }
  function submit(id) { var f = document.getElementById(id); if (f) f.submit(); }
  function go(url) { if (url) window.location.href = url; }

  // ---- queue page: j/k move a cursor over the rows, Enter opens
  var table = document.getElementById("queue");
  if (table) {
    var rows = Array.prototype.slice.call(table.querySelectorAll("tr.qrow"));
    var cur = Math.min(parseInt(table.dataset.current || "0", 10), rows.length - 1);
    var mark = function () {
      rows.forEach(function (r, i) { r.classList.toggle("current", i === cur); });
      if (rows[cur]) rows[cur].scrollIntoView({block: "nearest"});
    };
    mark();
    document.addEventListener("keydown", function (e) {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "j" && cur < rows.length - 1) { cur++; mark(); }
      else if (e.key === "k" && cur > 0) { cur--; mark(); }
      else if (e.key === "Enter" && rows[cur]) { go(rows[cur].dataset.href); }
      else if (e.key === "u") { submit("undo-form"); }
    });
    return;
  }

  // ---- item page
  var nav = document.getElementById("nav");
  var editForm = document.getElementById("edit-form");
  if (!nav || !editForm) return;
  function openEdit(open) {
    editForm.classList.toggle("open", open);
    if (open) editForm.querySelector("textarea").focus();
  }
  document.getElementById("edit-button").addEventListener("click", function () { openEdit(true); });
  document.getElementById("edit-cancel").addEventListener("click", function () { openEdit(false); });

  document.addEventListener("keydown", function (e) {
    if (editForm.classList.contains("open")) {
      if (e.key === "Escape") { openEdit(false); e.preventDefault(); }
      else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { editForm.submit(); e.preventDefault(); }
      return;
    }
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    var k = e.key;
    if (k === "a") submit("accept-form");
    else if (k === "r") submit("reject-form");
    else if (k === "s") submit("skip-form");
    else if (k === "u") submit("undo-form");
    else if (k === "e") { openEdit(true); e.preventDefault(); }
    else if (k === "j") go(nav.dataset.next);
    else if (k === "k") go(nav.dataset.prev);
  });

  // ---- re-selecting a span: map the DOM selection to raw offsets via data-s
  var article = document.getElementById("article");
  if (!article) return;
  function rawOffset(node, off) {
    if (node.nodeType === Node.TEXT_NODE) {
      var span = node.parentElement;
      return span && span.dataset.s !== undefined ? parseInt(span.dataset.s, 10) + off : null;
    }
    // An element boundary: the offset-th child, or the end of the last one.
    var kids = node.childNodes;
    if (off < kids.length) return rawOffset(kids[off].firstChild || kids[off], 0);
    var last = kids[kids.length - 1];
    if (!last) return null;
    var t = last.firstChild || last;
    return rawOffset(t, (t.textContent || "").length);
  }
  document.addEventListener("selectionchange", function () {
    if (!editForm.classList.contains("open")) return;
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    var r = sel.getRangeAt(0);
    if (!article.contains(r.startContainer) || !article.contains(r.endContainer)) return;
    var s = rawOffset(r.startContainer, r.startOffset), en = rawOffset(r.endContainer, r.endOffset);
    if (s === null || en === null) return;
    var field = document.getElementById("sel-field");
    if (!field.value) field.value = "content";
    document.getElementById("sel-start").value = s;
    document.getElementById("sel-end").value = en;
    document.getElementById("sel-text").value = sel.toString();
    document.getElementById("sel-show").textContent = sel.toString();
  });
})();
