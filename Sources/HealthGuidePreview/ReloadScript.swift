import Foundation

/// The script that open pages run while the site is previewed, and its injection into HTML
/// responses. It is added on the way out of the server only, never to files on disk.
enum ReloadScript {
    /// Where the server answers with the script and with the event stream; the leading
    /// underscores keep them apart from any page of a site.
    static let scriptPath = "/__healthguide/reload.js"
    static let eventsPath = "/__healthguide/events"

    /// Loaded from a file rather than inlined, so a page's Content-Security-Policy that allows
    /// only same-origin scripts still runs it.
    static let tag = "<script src=\"\(scriptPath)\" defer></script>"

    /// `html` with the script tag before its last `</body>`, or at the end when it has none.
    static func inject(into html: String) -> String {
        guard let bodyEnd = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + tag }
        return html.replacingCharacters(in: bodyEnd.lowerBound..<bodyEnd.lowerBound, with: tag)
    }

    /// Reload on `reload`; swap stylesheets in place on `stylesheets`; show build problems in
    /// an overlay on `failed`, and hide it on `fixed` (or any later good build). On
    /// `translations-outdated`, reload and then list the translations a save left behind, kept
    /// across the reload in the tab's session storage. The overlay is built with text nodes
    /// only, so a message can never inject markup.
    static let source = #"""
        (function () {
          "use strict";
          var overlay = null;

          function hideOverlay() {
            if (overlay) { overlay.remove(); overlay = null; }
          }

          function showOverlay(problems, title) {
            hideOverlay();
            overlay = document.createElement("div");
            overlay.id = "healthguide-build-problems";
            overlay.setAttribute("role", "alert");
            overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
              "background:#fff4f4;color:#3b0000;border-top:4px solid #b00020;padding:1rem 1.25rem;" +
              "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.25)";
            var heading = document.createElement("strong");
            heading.textContent = title || "Build failed: the page shows the last good build. Save a fix to rebuild.";
            overlay.appendChild(heading);
            var list = document.createElement("ul");
            list.style.cssText = "margin:.5rem 0 0;padding-left:1.25rem";
            problems.forEach(function (problem) {
              var item = document.createElement("li");
              var position = document.createElement("strong");
              position.textContent = problem.position;
              item.appendChild(position);
              item.appendChild(document.createTextNode(": " + problem.severity + ": " + problem.message + " [" + problem.rule + "]"));
              if (problem.hint) {
                item.appendChild(document.createElement("br"));
                item.appendChild(document.createTextNode("hint: " + problem.hint));
              }
              list.appendChild(item);
            });
            overlay.appendChild(list);
            var close = document.createElement("button");
            close.type = "button";
            close.textContent = "Hide";
            close.style.cssText = "position:absolute;top:.5rem;right:.75rem";
            close.addEventListener("click", hideOverlay);
            overlay.appendChild(close);
            document.body.appendChild(overlay);
          }

          // site.3f2a1c9e.css and site.css are the same stylesheet under different builds.
          function stylesheetName(href) {
            var file = new URL(href, location.href).pathname.split("/").pop();
            return file.replace(/\.[0-9a-f]{8,}\.css$/, ".css");
          }

          function swapStylesheets(paths) {
            var links = document.querySelectorAll('link[rel="stylesheet"]');
            paths.forEach(function (path) {
              var name = stylesheetName(path);
              links.forEach(function (link) {
                if (stylesheetName(link.href) !== name) { return; }
                var fresh = link.cloneNode();
                fresh.href = "/" + path;
                // The old sheet goes once the new one applies, so the page never shows unstyled.
                fresh.addEventListener("load", function () { link.remove(); });
                link.after(fresh);
              });
            });
          }

          var events = new EventSource("\#(eventsPath)");
          events.addEventListener("reload", function () { location.reload(); });
          events.addEventListener("stylesheets", function (event) {
            hideOverlay();
            swapStylesheets(JSON.parse(event.data));
          });
          events.addEventListener("failed", function (event) { showOverlay(JSON.parse(event.data)); });
          events.addEventListener("fixed", hideOverlay);

          var outdatedKey = "healthguide-translations-outdated";
          events.addEventListener("translations-outdated", function (event) {
            sessionStorage.setItem(outdatedKey, event.data);
            location.reload();
          });
          var outdated = sessionStorage.getItem(outdatedKey);
          if (outdated) {
            sessionStorage.removeItem(outdatedKey);
            showOverlay(JSON.parse(outdated), "Built. These translations are now behind the page you saved:");
          }
        })();
        """#
}
