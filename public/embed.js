/* HTX Charts embed helper (optional). Include it on the host page after the iframes:
 *   <iframe data-htx-embed src="https://…/embed?…" style="width:100%;border:0"></iframe>
 *   <script src="https://…/embed.js" async></script>
 * The embed page posts {type: "htx-charts:height", height: px} to its parent whenever its
 * height changes; this script resizes the iframe that sent it. Every other message is ignored. */
(function () {
  "use strict";
  var script = document.currentScript;
  var origin;
  try {
    // The embed pages are served from the same origin as this script.
    origin = new URL(script.src).origin;
  } catch (e) {
    return; // no usable src: do nothing
  }
  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "htx-charts:height") return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < 100 || height > 10000) return;
    // Look the iframes up now, so that iframes added after this script ran are found too.
    var frames = document.querySelectorAll("iframe[data-htx-embed]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + "px";
        return;
      }
    }
  });
})();
