/* Share This Post: a copy-link button, and the device's own share sheet where the browser
   offers one. Without JavaScript the plain links above still work and these buttons stay hidden. */
(function () {
  "use strict";
  document.querySelectorAll(".share__tools[data-share-url]").forEach(function (tools) {
    var url = tools.getAttribute("data-share-url");
    var title = tools.getAttribute("data-share-title") || document.title;
    var status = tools.querySelector(".share__status");
    var copy = tools.querySelector('[data-share-action="copy"]');
    var native = tools.querySelector('[data-share-action="native"]');
    var say = function (text) {
      if (status) { status.textContent = text; }
    };

    var canCopy = !!(navigator.clipboard && navigator.clipboard.writeText);
    var canShare = typeof navigator.share === "function" &&
      (typeof navigator.canShare !== "function" || navigator.canShare({ url: url, title: title }));
    if (!canCopy && !canShare) { return; }

    if (copy) {
      if (canCopy) {
        copy.addEventListener("click", function () {
          navigator.clipboard.writeText(url).then(
            function () { say("Link copied."); },
            function () { say("Copying failed: the address is " + url); }
          );
        });
      } else {
        copy.hidden = true;
      }
    }
    if (native && canShare) {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ url: url, title: title }).catch(function () { /* closed by the reader */ });
      });
    }
    tools.hidden = false;
  });
})();
