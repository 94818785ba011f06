// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // On a wide screen the filters have room: open the panel that a phone keeps folded.
  var panel = document.querySelector(".filter-panel");
  if (panel && window.matchMedia("(min-width: 60rem)").matches) {
    panel.open = true;
  }
})();
