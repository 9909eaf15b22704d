// Refreshes the graph of a live AWS Batch graph run from the action's progress endpoint (no inline script:
// Jenkins' Content-Security-Policy allows scripts served by Jenkins only). Stops when the run has ended, then
// reloads the page once to show the final failed-items tables.
(function () {
  var INTERVAL_MS = 5000;
  function refresh(container) {
    fetch(container.dataset.progressUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (progress) {
        if (progress.svg) {
          var parsed = new DOMParser().parseFromString(progress.svg, "image/svg+xml");
          var svg = parsed.documentElement;
          if (svg && svg.nodeName === "svg" && !parsed.querySelector("parsererror")) {
            container.replaceChildren(document.importNode(svg, true));
          }
        }
        (progress.stages || []).forEach(function (stage) {
          document.querySelectorAll(".abg-stages li").forEach(function (li) {
            if (li.dataset.stage === stage.name) {
              var line = li.querySelector(".abg-line");
              if (line) {
                line.textContent = stage.summary + "; " + stage.running + " running, " + stage.waiting + " waiting";
              }
            }
          });
        });
        if (progress.live) {
          setTimeout(function () { refresh(container); }, INTERVAL_MS);
        } else {
          window.location.reload();
        }
      })
      .catch(function () {
        setTimeout(function () { refresh(container); }, INTERVAL_MS * 3);
      });
  }
  function start() {
    var container = document.getElementById("abg-graph");
    if (container && container.dataset.live === "true") {
      setTimeout(function () { refresh(container); }, INTERVAL_MS);
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
