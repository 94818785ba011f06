// Progressive enhancement of the staff autocompletes (staff/autocomplete.py): as the user
// types, fill the input's <datalist> with suggestions from its data-autocomplete endpoint.
// The browser shows and announces the list; without this file, the exact name still works.
(function () {
  "use strict";
  function attach(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var source = input.getAttribute("data-autocomplete");
    var timer = null;
    var asked = "";
    if (!list || !source) {
      return;
    }
    input.addEventListener("input", function () {
      var text = input.value.trim();
      window.clearTimeout(timer);
      if (text.length < 2 || text === asked || /\(#\d+\)$/.test(text)) {
        return;
      }
      timer = window.setTimeout(function () {
        asked = text;
        var url = source + "?q=" + encodeURIComponent(text);
        var province = input.form && input.form.elements.namedItem("province");
        if (province && province.value && input.name === "ward") {
          url += "&province=" + encodeURIComponent(province.value);
        }
        fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.results.map(function (result) {
              var option = document.createElement("option");
              option.value = result.value;
              return option;
            }));
          })
          .catch(function () { /* no suggestions: typing the exact name still works */ });
      }, 200);
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("input[data-autocomplete]"), attach);
})();
