// Keyboard-first review. No libraries, no remote assets; the server re-grounds every span.
(function () {
  "use strict";
  function typing(e) {
    var t = e.target && e.target.tagName;
    return t === "INPUT" || t === "TEXTAREA" || t === "SELECT";
  }
  function $(id) { return document.getElementById(id); }
  function submit(id) { var f = $(id); if (f) f.submit(); }
  function go(url) { if (url) window.location.href = url; }

  // ---- every page: the ? overlay
  var help = $("help");
  function toggleHelp(open) { if (help) help.classList.toggle("open", open); }
  document.addEventListener("keydown", function (e) {
    if (typing(e)) return;
    if (e.key === "?") { toggleHelp(!help.classList.contains("open")); e.preventDefault(); e.stopImmediatePropagation(); }
    else if (e.key === "Escape" && help && help.classList.contains("open")) { toggleHelp(false); e.stopImmediatePropagation(); }
    else if (help && help.classList.contains("open")) { e.stopImmediatePropagation(); }
  }, true);

  // ---- queue page: j/k move a cursor over the rows, Enter opens, / searches
  var table = $("queue");
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
      else if (e.key === "/") { $("search").focus(); e.preventDefault(); }
    });
    return;
  }

  var nav = $("nav");
  var editForm = $("edit-form");
  if (nav && !editForm) {  // the end-of-queue page
    document.addEventListener("keydown", function (e) {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "k") go(nav.dataset.prev);
      else if (e.key === "u") submit("undo-form");
    });
    return;
  }
  if (!nav || !editForm) return;

  // ---- item page: the article as raw offsets
  var article = $("article");
  var base = 0, text = "", tokens = [];
  if (article) {
    var first = article.querySelector("span[data-s]");
    base = first ? parseInt(first.dataset.s, 10) : 0;
    text = article.textContent;
    var re = /[\w\u00C0-\uFFFF]+(?:['\u2019][\w\u00C0-\uFFFF]+)*|[^\s\w]/g, m;
    while ((m = re.exec(text)) !== null) tokens.push([base + m.index, base + m.index + m[0].length]);
  }
  function centre() {
    var el = article && article.querySelector(".hl-content");
    if (el) el.scrollIntoView({block: "center", inline: "nearest"});
  }
  centre();

  // raw offset -> (text node, offset) through the segments' data-s
  function point(raw) {
    var spans = article.querySelectorAll("span[data-s]");
    for (var i = spans.length - 1; i >= 0; i--) {
      var s = parseInt(spans[i].dataset.s, 10);
      if (s <= raw) {
        var node = spans[i].firstChild || spans[i];
        return [node, Math.min(raw - s, (node.textContent || "").length)];
      }
    }
    return [article, 0];
  }
  function rangeOf(sel) {
    var r = document.createRange(), a = point(sel[0]), b = point(sel[1]);
    r.setStart(a[0], a[1]); r.setEnd(b[0], b[1]);
    return r;
  }
  // DOM selection point -> raw offset
  function rawOffset(node, off) {
    if (node.nodeType === Node.TEXT_NODE) {
      var span = node.parentElement;
      return span && span.dataset.s !== undefined ? parseInt(span.dataset.s, 10) + off : null;
    }
    var kids = node.childNodes;
    if (off < kids.length) return rawOffset(kids[off].firstChild || kids[off], 0);
    var last = kids[kids.length - 1];
    if (!last) return null;
    var t = last.firstChild || last;
    return rawOffset(t, (t.textContent || "").length);
  }
  // snap [s, e) outward... to whole tokens: the tokens it touches
  function snap(s, e) {
    var a = null, b = null;
    for (var i = 0; i < tokens.length; i++) {
      if (tokens[i][1] > s && a === null) a = i;
      if (tokens[i][0] < e) b = i;
    }
    if (a === null || b === null || b < a) return null;
    return [a, b];
  }

  // ---- the edit session
  var FIELDS = ["content", "quote", "cue", "source"];
  var active = "content", pending = {}, selTok = {}, nameTouched = false;
  var errorBox = $("edit-error");
  function isOpen() { return editForm.classList.contains("open"); }
  function tokSel(field) {  // the field's current selection in token indexes
    if (selTok[field]) return selTok[field];
    var s = editForm.dataset[field + "S"], e = editForm.dataset[field + "E"];
    if ($("mode").value === "edit" && s !== undefined) return snap(parseInt(s, 10), parseInt(e, 10));
    var c = editForm.dataset.contentS;  // a new span starts at the claim's content
    return c !== undefined ? snap(parseInt(c, 10), parseInt(c, 10) + 1) : (tokens.length ? [0, 0] : null);
  }
  function draw() {
    document.querySelectorAll("#fieldkeys span").forEach(function (el) {
      el.classList.toggle("active", el.dataset.field === active);
      el.classList.toggle("changed", !!pending[el.dataset.field]);
    });
    $("sel-field").textContent = active;
    var p = pending[active];
    $("sel-show").textContent = p ? text.slice(p[0] - base, p[1] - base) : "(unchanged)";
    if (window.CSS && CSS.highlights && window.Highlight) {
      var ranges = Object.keys(pending).map(function (k) { return rangeOf(pending[k]); });
      CSS.highlights.set("pending", new Highlight(...ranges));
    }
  }
  function setTok(t) {
    if (!t) return;
    selTok[active] = t;
    pending[active] = [tokens[t[0]][0], tokens[t[1]][1]];
    if (active === "source" && !nameTouched) $("source-name").value = text.slice(pending.source[0] - base, pending.source[1] - base);
    errorBox.textContent = "";
    draw();
  }
  function openEdit(mode) {
    var wasOpen = isOpen();
    if (!wasOpen || $("mode").value !== mode) {
      pending = {}; selTok = {};
      $("mode").value = mode;
      $("mode-title").textContent = mode === "add" ? "Adding a claim the engine missed: select its content (1), then its source (4) and cue (3)" : "Editing this claim";
      if (mode === "add") { $("claim-text").value = ""; $("source-name").value = ""; $("relays").value = ""; $("descriptor").value = ""; $("role").value = ""; }
    }
    editForm.classList.add("open");
    active = "content";
    draw();
    if (article) article.focus({preventScroll: true});
  }
  function closeEdit() {
    editForm.classList.remove("open");
    pending = {}; selTok = {};
    if (window.CSS && CSS.highlights) CSS.highlights.delete("pending");
  }
  function save() {  // checked here so nothing typed is lost to a server error
    if ($("mode").value === "add" && !pending.content) {
      errorBox.textContent = "Select the new claim's content in the article first (1, then arrows or the mouse).";
      return;
    }
    FIELDS.forEach(function (f) {
      var p = pending[f];
      $(f + "-start").value = p ? p[0] : ""; $(f + "-end").value = p ? p[1] : "";
      $(f + "-text").value = p ? text.slice(p[0] - base, p[1] - base) : "";
    });
    var ct = $("claim-text");
    if ($("mode").value === "edit" && ct.value === ct.dataset.orig) ct.value = "";  // unchanged: let the server rewrite it
    editForm.submit();
  }
  $("source-name").addEventListener("input", function () { nameTouched = true; });
  $("edit-button").addEventListener("click", function () { openEdit("edit"); });
  $("add-button").addEventListener("click", function () { openEdit("add"); });
  $("edit-cancel").addEventListener("click", closeEdit);
  editForm.addEventListener("submit", function (e) { e.preventDefault(); save(); });

  var STANCE = {t: "asserted", d: "denied", h: "hedged"};
  var TYPE = {P: "person", O: "organization", M: "media", N: "anonymous", U: "unattributed"};
  function setting(e) {  // stance and source type keys, in or out of the edit session
    if (STANCE[e.key]) { openEdit(isOpen() ? $("mode").value : "edit"); $("stance").value = STANCE[e.key]; return true; }
    if (TYPE[e.key]) { openEdit(isOpen() ? $("mode").value : "edit"); $("source-type").value = TYPE[e.key]; return true; }
    return false;
  }
  function spanKeys(e) {  // word-wise span editing; true if handled
    var t = tokSel(active);
    if (!t) return false;
    var a = t[0], b = t[1], last = tokens.length - 1;
    if (e.key === "ArrowRight" && e.shiftKey && e.ctrlKey) a = Math.min(a + 1, b);
    else if (e.key === "ArrowLeft" && e.shiftKey && e.ctrlKey) a = Math.max(a - 1, 0);
    else if (e.key === "ArrowRight" && e.shiftKey) b = Math.min(b + 1, last);
    else if (e.key === "ArrowLeft" && e.shiftKey) b = Math.max(b - 1, a);
    else if (e.key === "ArrowRight") { a = b = Math.min((pending[active] ? b : a) + (pending[active] ? 1 : 0), last); }
    else if (e.key === "ArrowLeft") { a = b = Math.max(a - (pending[active] ? 1 : 0), 0); }
    else return false;
    setTok([a, b]);
    var r = rangeOf(pending[active]).getBoundingClientRect(), box = article.getBoundingClientRect();
    if (r.top < box.top || r.bottom > box.bottom) rangeOf(pending[active]).startContainer.parentElement.scrollIntoView({block: "center"});
    return true;
  }

  document.addEventListener("keydown", function (e) {
    if (isOpen()) {
      if (e.key === "Escape") { closeEdit(); e.preventDefault(); return; }
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey || !typing(e))) { save(); e.preventDefault(); return; }
      if (typing(e)) return;
      if (!e.ctrlKey && !e.altKey && "1234".indexOf(e.key) >= 0 && e.key.length === 1) {
        active = FIELDS[parseInt(e.key, 10) - 1]; draw(); e.preventDefault(); return;
      }
      if (article && spanKeys(e)) { e.preventDefault(); return; }
      if (!e.ctrlKey && !e.altKey && setting(e)) { e.preventDefault(); return; }
      if (e.key === "c") centre();
      return;
    }
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    var k = e.key;
    if (k === "a") submit("accept-form");
    else if (k === "r") submit("reject-form");
    else if (k === "s") submit("skip-form");
    else if (k === "u") submit("undo-form");
    else if (k === "e") { openEdit("edit"); e.preventDefault(); }
    else if (k === "n") { openEdit("add"); e.preventDefault(); }
    else if (k === "c") centre();
    else if (k === "j") go(nav.dataset.next);
    else if (k === "k") go(nav.dataset.prev);
    else if (setting(e)) e.preventDefault();
  });

  // a mouse selection in the article snaps to whole words and sets the active span
  if (article) {
    article.addEventListener("mouseup", function () {
      var sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
      var r = sel.getRangeAt(0);
      if (!article.contains(r.startContainer) || !article.contains(r.endContainer)) return;
      var s = rawOffset(r.startContainer, r.startOffset), en = rawOffset(r.endContainer, r.endOffset);
      if (s === null || en === null) return;
      if (!isOpen()) openEdit("edit");
      setTok(snap(Math.min(s, en), Math.max(s, en)));
      sel.removeAllRanges();
    });
  }
})();
