/* Comments: move the reply form under the comment being answered, and fill in the name,
   email and website this browser was asked to remember. Without this file the reply links
   reload the page with the form in place, and nothing is filled in. */
(function () {
  "use strict";
  var respond = document.getElementById("respond");
  if (!respond) return;
  var form = respond.querySelector("form");
  var parentInput = form.querySelector("input[name='parent']");
  var title = respond.querySelector(".comment-respond__to");
  var cancel = respond.querySelector(".comment-respond__cancel");
  var opener = null;
  var home = document.createElement("div");
  home.hidden = true;
  respond.parentNode.insertBefore(home, respond);

  function moveTo(link) {
    var card = link.closest(".comment__card");
    card.parentNode.insertBefore(respond, card.nextSibling);
    parentInput.value = link.getAttribute("data-reply-to");
    title.textContent = " to " + link.getAttribute("data-reply-name");
    cancel.hidden = false;
    opener = link;
    form.querySelector("textarea").focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.comment__reply");
    if (link) {
      event.preventDefault();
      moveTo(link);
    }
  });

  cancel.addEventListener("click", function (event) {
    var section = document.getElementById("comments");
    if (!section || !section.contains(home)) return;
    event.preventDefault();
    home.parentNode.insertBefore(respond, home);
    parentInput.value = "";
    title.textContent = "";
    cancel.hidden = true;
    if (opener) opener.focus(); /* keyboard users carry on from the comment they left */
    opener = null;
  });

  /* The page's token is the same for every reader; ask for one stamped now when the reader
     starts on the form, so the "sent too fast" check counts from this visit. */
  var tokenInput = form.elements.token;
  form.addEventListener("focusin", function fresh() {
    form.removeEventListener("focusin", fresh);
    fetch(form.getAttribute("action") + "token/", { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data && data.token) tokenInput.value = data.token; })
      .catch(function () { /* keep the page's token */ });
  });

  var saved = document.cookie.split("; ").filter(function (c) {
    return c.indexOf("comment_author=") === 0;
  })[0];
  if (!saved) return;
  try {
    var data = JSON.parse(decodeURIComponent(saved.slice("comment_author=".length).replace(/^"|"$/g, "")));
    var fields = { author_name: data.name, author_email: data.email, author_url: data.url };
    Object.keys(fields).forEach(function (name) {
      var input = form.elements[name];
      if (input && !input.value && typeof fields[name] === "string") input.value = fields[name];
    });
    if (form.elements.remember) form.elements.remember.checked = true;
  } catch (error) {
    /* an unreadable cookie: leave the form empty */
  }
})();
