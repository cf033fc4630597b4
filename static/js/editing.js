// The post and page editor: autosave of the unsaved form (CKEditor's text included), the
// "unsaved changes" offer, a warning before leaving, and who else has the post open.
(function () {
  "use strict";
  const panel = document.getElementById("editing-panel");
  if (!panel) return;
  const form = panel.closest("form");
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const status = panel.querySelector(".editing__status");
  let dirty = false; // changed since the last autosave
  let changed = false; // changed since the page was opened
  let submitting = false;
  const watched = new Set();

  function editors() {
    return window.editors || {};
  }

  function markChanged() {
    dirty = true;
    changed = true;
  }

  // django-ckeditor-5 creates its editors after the page loads: watch each one once it exists.
  function watchEditors() {
    for (const [id, editor] of Object.entries(editors())) {
      if (watched.has(id)) continue;
      watched.add(id);
      editor.model.document.on("change:data", markChanged);
    }
  }

  function formData() {
    const data = new FormData(form);
    for (const [name, value] of Array.from(data.entries())) {
      if (value instanceof File) data.delete(name);
    }
    for (const [id, editor] of Object.entries(editors())) {
      const source = document.getElementById(id);
      if (source && source.name) data.set(source.name, editor.getData());
    }
    return data;
  }

  function post(url, body, keepalive) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf },
      keepalive: Boolean(keepalive),
    });
  }

  function save(keepalive) {
    if (!dirty || submitting) return;
    dirty = false;
    post(panel.dataset.autosaveUrl, formData(), keepalive)
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (answer) {
        const at = new Date(answer.saved_at);
        status.textContent = "Unsaved changes kept as an autosave at " +
          at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + ".";
        panel.dataset.autosaved = answer.saved_at;
      })
      .catch(function () {
        dirty = true;
        status.textContent = "Autosave failed; it will be tried again.";
      });
  }

  function setValues(name, values, labels) {
    const source = Array.from(form.querySelectorAll("[name]")).filter((el) => el.name === name);
    for (const [id, editor] of Object.entries(editors())) {
      const element = document.getElementById(id);
      if (element && element.name === name) {
        editor.setData(values[0] || "");
        return;
      }
    }
    for (const element of source) {
      if (element.type === "checkbox" || element.type === "radio") {
        element.checked = values.includes(element.value);
      } else if (element.tagName === "SELECT") {
        for (const value of values) {
          if (!Array.from(element.options).some((o) => o.value === value)) {
            element.add(new Option(labels[value] || value, value));
          }
        }
        for (const option of element.options) option.selected = values.includes(option.value);
        // The admin's autocomplete boxes redraw from the select when it says it changed.
        element.dispatchEvent(new Event("change", { bubbles: true }));
      } else if (element.type !== "file" && element.type !== "hidden") {
        element.value = values[0] || "";
      } else if (element.type === "hidden" && name === "loaded_version") {
        element.value = values[0] || "";
      }
    }
  }

  function restore() {
    const read = (id) => JSON.parse(document.getElementById(id).textContent);
    const data = read("editing-autosave-data");
    const labels = read("editing-autosave-labels");
    for (const [name, values] of Object.entries(data)) setValues(name, values, labels[name] || {});
    markChanged();
    panel.querySelector(".editing__autosave").remove();
    status.textContent = "Your unsaved changes are back in the form: check them, then save.";
  }

  function discard() {
    post(panel.dataset.discardUrl, new FormData()).then(function () {
      panel.querySelector(".editing__autosave").remove();
      status.textContent = "Unsaved changes discarded.";
    });
  }

  function heartbeat() {
    if (submitting) return;
    post(panel.dataset.heartbeatUrl, new FormData())
      .then((response) => (response.ok ? response.json() : null))
      .then(function (answer) {
        if (!answer) return;
        const list = panel.querySelector(".editing__others");
        list.replaceChildren(...answer.editing.map(function (text) {
          const item = document.createElement("li");
          item.className = "editing__notice";
          item.textContent = text;
          return item;
        }));
      })
      .catch(function () {});
  }

  const restoreButton = panel.querySelector("[data-editing-restore]");
  if (restoreButton) restoreButton.addEventListener("click", restore);
  const discardButton = panel.querySelector("[data-editing-discard]");
  if (discardButton) discardButton.addEventListener("click", discard);

  form.addEventListener("input", markChanged);
  form.addEventListener("change", markChanged);
  form.addEventListener("submit", function () {
    submitting = true;
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") save(true);
  });
  window.addEventListener("beforeunload", function (event) {
    if (!changed || submitting) return;
    save(true);
    event.preventDefault();
    event.returnValue = "";
  });
  watchEditors();
  const watching = setInterval(function () {
    watchEditors();
    if (watched.size === Object.keys(editors()).length && watched.size > 0) clearInterval(watching);
  }, 200);
  setTimeout(() => clearInterval(watching), 10000);
  setInterval(save, Number(panel.dataset.autosaveSeconds) * 1000);
  setInterval(heartbeat, Number(panel.dataset.heartbeatSeconds) * 1000);
})();
