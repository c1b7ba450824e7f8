// The office's page: steps, drag-and-drop, uploads and builds without a
// page reload. Plain JavaScript, nothing fetched from outside.
(function () {
  "use strict";
  var body = document.body;
  var ky = body.dataset.ky;
  var maxBytes = Number(body.dataset.maxMb) * 1024 * 1024;
  // The steps are the page's own (the commune's, or the province's).
  var steps = Array.prototype.map.call(document.querySelectorAll("nav.buoc a[data-buoc]"), function (a) { return a.dataset.buoc; });
  document.documentElement.classList.add("js");

  function $(id) { return document.getElementById(id); }

  // Steps: one screen each, chosen by the address's #fragment.
  function showStep(name) {
    if (steps.indexOf(name) < 0) name = body.dataset.buocDau || steps[0];
    steps.forEach(function (s) {
      $(s).hidden = s !== name;
    });
    document.querySelectorAll(".buoc a").forEach(function (a) {
      if (a.dataset.buoc === name) a.setAttribute("aria-current", "step");
      else a.removeAttribute("aria-current");
    });
    $("form-ky").action = "/#" + name;
  }
  window.addEventListener("hashchange", function () { showStep(location.hash.slice(1)); });
  showStep(location.hash.slice(1));

  // The period: a choice made with the mouse opens it at once; with the
  // keyboard, Enter or the button does (arrows only move the choice).
  var sel = $("ky"), keyed = false;
  sel.addEventListener("keydown", function (e) {
    keyed = true;
    if (e.key === "Enter") { e.preventDefault(); $("form-ky").submit(); }
  });
  sel.addEventListener("pointerdown", function () { keyed = false; });
  sel.addEventListener("change", function () { if (!keyed) $("form-ky").submit(); });

  function say(msg) {
    var box = $("thong-bao");
    box.textContent = msg || "";
    box.hidden = !msg;
  }

  // apply puts the fragments the server rendered in their places.
  function apply(html) {
    if (!html) return;
    Object.keys(html).forEach(function (id) {
      var el = $(id);
      if (el) el.innerHTML = html[id];
    });
    // A build's account shown before the files changed is greyed, as
    // step 3 says its files are old (#tep-cu).
    var old = $("tep-cu") !== null;
    ["result", "result-cong-van"].forEach(function (id) {
      var el = $(id);
      if (el && !(id in html)) el.classList.toggle("cu", old && el.innerHTML !== "");
      else if (el) el.classList.remove("cu");
    });
  }

  // post sends a request and gives the answer's JSON; a refusal or an
  // error of the program becomes a message.
  function post(url, data) {
    return fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (res) {
        var v = res.headers.get("X-Phien-Ban");
        if (v) seen = v; // our own change: no need to refresh for it
        return res.text().then(function (text) {
          var json = null;
          try { json = JSON.parse(text); } catch (e) { /* a plain page */ }
          if (!res.ok || !json) {
            var msg = json && json.loi;
            if (!msg && res.status === 403) msg = "Phiên làm việc không còn hợp lệ: mở lại trang bằng địa chỉ in trong cửa sổ chương trình baocao.";
            if (!msg) msg = "Chương trình không trả lời được (mã " + res.status + "). Tải lại trang rồi thử lại.";
            var err = new Error(msg);
            err.status = res.status;
            throw err;
          }
          return json;
        });
      }, function () {
        throw new Error("Không liên lạc được với chương trình baocao: cửa sổ chương trình có đang mở không? Mở lại chương trình rồi tải lại trang.");
      });
  }

  // Tabs follow each other: every few seconds, while the tab is shown, ask
  // the page's version; when another tab (or a restart of the program)
  // moved it, fetch this period's parts again. Not while this tab is
  // sending or building, whose own answer brings them.
  var seen = null, busy = 0;
  function follow() {
    if (document.hidden) return;
    fetch("/api/phien-ban", { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (json) {
        if (!json || !json.phien_ban) return;
        if (seen === null) { seen = json.phien_ban; return; }
        if (json.phien_ban === seen || busy > 0 || sending) return;
        var now = json.phien_ban;
        return fetch("/api/tinh-hinh?ky=" + encodeURIComponent(ky), { credentials: "same-origin", headers: { "Accept": "application/json" } })
          .then(function (res) { return res.ok ? res.json() : null; })
          .then(function (json) {
            if (json && json.html) { apply(json.html); seen = now; }
          });
      })
      .catch(function () { /* the program is closed: the next action says so */ });
  }
  follow();
  setInterval(follow, 3000);
  document.addEventListener("visibilitychange", follow);

  function logLine(text, cls) {
    var li = document.createElement("li");
    li.textContent = text;
    li.className = cls || "";
    $("nhat-ky").prepend(li);
    return li;
  }

  // Receiving files: one request a file, so that each row updates as soon
  // as its file is checked.
  var queue = [], sending = false;
  function receive(files) {
    say("");
    Array.prototype.forEach.call(files, function (f) {
      if (f.size > maxBytes) {
        logLine("«" + f.name + "»: lớn hơn " + body.dataset.maxMb + " MB nên không nhận. Kiểm tra đã chọn đúng tệp chưa.", "hong");
        return;
      }
      queue.push({ file: f, line: logLine("«" + f.name + "»: đang lưu và kiểm tra…", "dang") });
    });
    next();
  }
  function next() {
    if (sending || !queue.length) return;
    sending = true;
    var item = queue.shift();
    var data = new FormData();
    data.append("tep", item.file, item.file.name);
    post("/api/nhan-tep?ky=" + encodeURIComponent(ky), data).then(function (json) {
      apply(json.html);
      var parts = (json.tep || []).map(function (r) {
        // A file received before was not stored again: its message names the file kept.
        var name = r.luu && r.luu !== r.ten && !r.da_nhan ? "«" + r.ten + "» (lưu thành «" + r.luu + "»)" : "«" + r.ten + "»";
        return name + ": " + r.thong_bao;
      });
      (json.ghi_chu || []).forEach(function (n) { parts.push(n); });
      item.line.textContent = parts.join(" ") || ("«" + item.file.name + "»: đã nhận.");
      // The line takes the colour of its worst file.
      var order = ["dung", "trung", "canh-bao", "loi", "hong"], worst = 0;
      (json.tep || []).forEach(function (r) { worst = Math.max(worst, order.indexOf(r.ket_qua || (r.ok ? "dung" : "hong"))); });
      if ((json.ghi_chu || []).length) worst = Math.max(worst, order.indexOf("canh-bao"));
      item.line.className = order[worst];
    }).catch(function (e) {
      item.line.textContent = "«" + item.file.name + "»: " + e.message;
      item.line.className = "hong";
    }).then(function () {
      sending = false;
      next();
    });
  }

  var input = $("chon-tep");
  input.addEventListener("change", function () {
    receive(input.files);
    input.value = "";
  });
  // Drag-and-drop anywhere on the page.
  var depth = 0;
  document.addEventListener("dragenter", function (e) {
    if (!e.dataTransfer || Array.prototype.indexOf.call(e.dataTransfer.types, "Files") < 0) return;
    e.preventDefault();
    depth++;
    body.classList.add("dang-keo");
    if ($("nhan-tep").hidden) location.hash = "nhan-tep";
  });
  document.addEventListener("dragover", function (e) { e.preventDefault(); });
  document.addEventListener("dragleave", function () {
    depth = Math.max(0, depth - 1);
    if (!depth) body.classList.remove("dang-keo");
  });
  document.addEventListener("drop", function (e) {
    e.preventDefault();
    depth = 0;
    body.classList.remove("dang-keo");
    if (!e.dataTransfer) return;
    // A folder dropped cannot be sent as a file: say what to do instead.
    var files = [];
    Array.prototype.forEach.call(e.dataTransfer.items || [], function (item, i) {
      var entry = item.webkitGetAsEntry && item.webkitGetAsEntry();
      var f = e.dataTransfer.files[i];
      if (entry && entry.isDirectory) {
        logLine("«" + entry.name + "» là thư mục: mở thư mục đó, chọn các tệp bên trong rồi kéo vào trang (hoặc nén thành tệp .zip).", "hong");
      } else if (f) {
        files.push(f);
      }
    });
    if (!e.dataTransfer.items) files = e.dataTransfer.files;
    if (files.length) receive(files);
  });

  // A unit for a file that does not say whose it is.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.matches("form[data-gan]")) return;
    e.preventDefault();
    say("");
    var name = form.elements.tep.value;
    post("/api/gan-don-vi?ky=" + encodeURIComponent(ky), new URLSearchParams(new FormData(form))).then(function (json) {
      apply(json.html);
      logLine("«" + name + "»: " + json.thong_bao, "ok");
    }).catch(function (e) { say(e.message); });
  });

  // Setting a file aside (to the period's bo-qua folder) and putting it back.
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("button[data-de-rieng], button[data-dua-lai]");
    if (!b) return;
    e.preventDefault();
    say("");
    var data = new URLSearchParams();
    data.append("thu_muc", b.dataset.thuMuc);
    data.append("tep", b.dataset.tep);
    b.disabled = true;
    var url = b.hasAttribute("data-de-rieng") ? "/api/de-rieng" : "/api/dua-lai";
    post(url + "?ky=" + encodeURIComponent(ky), data).then(function (json) {
      apply(json.html);
      logLine(json.thong_bao, json.ket_qua || "ok");
      b.disabled = false; // still there when nothing moved
    }).catch(function (e) { say(e.message); b.disabled = false; });
  });

  // Builds: the button waits; the progress shows the stage the build is at
  // («Đọc tệp», «Lập tệp Word», «Lập PDF 2/3»), asked of the server twice a
  // second, and how long it has worked.
  function build(button, url, progressId) {
    var box = $(progressId), text = box.querySelector(".chu-tien-do");
    var started = Date.now(), label = button.textContent, stage = "", asking = false;
    button.disabled = true;
    busy++;
    say("");
    box.hidden = false;
    function show() {
      var s = Math.round((Date.now() - started) / 1000);
      text.textContent = (stage ? "Đang " + stage.charAt(0).toLowerCase() + stage.slice(1) : "Đang bắt đầu") + "… " + s + " giây";
    }
    function tick() {
      show();
      if (asking) return;
      asking = true;
      fetch("/api/tien-do?ky=" + encodeURIComponent(ky), { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (res) { return res.ok ? res.json() : null; })
        .then(function (json) { if (json && json.buoc) { stage = json.buoc; show(); } })
        .catch(function () { /* the build's own answer tells */ })
        .then(function () { asking = false; });
    }
    tick();
    var timer = setInterval(tick, 500);
    post(url + "?ky=" + encodeURIComponent(ky), new URLSearchParams()).then(function (json) {
      apply(json.html);
    }).catch(function (e) {
      say(e.message);
    }).then(function () {
      clearInterval(timer);
      busy--;
      box.hidden = true;
      button.disabled = false;
      button.textContent = label;
    });
  }
  $("lap-bao-cao").addEventListener("click", function () { build(this, "/api/lap-bao-cao", "tien-do-bao-cao"); });
  if ($("lap-cong-van")) $("lap-cong-van").addEventListener("click", function () { build(this, "/api/cong-van", "tien-do-cong-van"); });
})();
