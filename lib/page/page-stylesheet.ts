/**
 * A stylesheet of ours in the page. A constructed sheet in `adoptedStyleSheets` is not an
 * inline <style>, so a page CSP without 'unsafe-inline' cannot block it; a <style> element
 * is the fallback where constructed sheets are missing.
 */

export interface PageStylesheet {
  set(css: string): void;
  remove(): void;
}

export function createPageStylesheet(doc: Document): PageStylesheet {
  return adoptedStylesheet(doc) ?? styleElement(doc);
}

function adoptedStylesheet(doc: Document): PageStylesheet | null {
  const view = doc.defaultView;
  const Sheet = view?.CSSStyleSheet;
  const canAdopt = Sheet !== undefined && "adoptedStyleSheets" in doc && typeof Sheet.prototype.replaceSync === "function";
  if (!canAdopt) return null;
  const sheet = new Sheet();
  try {
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch (err) {
    // Some engines refuse a content script's sheet in the page's list (Firefox's Xray wrappers).
    console.debug("Belarus Briefings: constructed stylesheets unavailable here, using a <style> element", err);
    return null;
  }
  return {
    set: (css) => {
      sheet.replaceSync(css);
      // The page may have reassigned the list since; make sure ours is still in it.
      if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    },
    remove: () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

function styleElement(doc: Document): PageStylesheet {
  const style = doc.createElement("style");
  style.setAttribute("data-briefings", "");
  return {
    set: (css) => {
      style.textContent = css;
      if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
    },
    remove: () => style.remove(),
  };
}
