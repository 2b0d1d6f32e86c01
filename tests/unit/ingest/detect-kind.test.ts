import { describe, expect, it } from "vitest";
import { detectKind, rootElementName } from "@/lib/ingest/detect-kind";

describe("detectKind", () => {
  it("recognises feeds by their root element, after prolog and comments", () => {
    expect(detectKind("a.xml", `<?xml version="1.0"?>\n<!-- generator --><rss version="2.0">`)).toBe("rss");
    expect(detectKind("a", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`)).toBe("rss");
    expect(detectKind("a.txt", `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">`)).toBe("atom");
  });

  it("recognises HTML by doctype, root element, extension or typical tags", () => {
    expect(detectKind("a.txt", "<!DOCTYPE html><html>")).toBe("html");
    expect(detectKind("a", "<html lang=en><body>")).toBe("html");
    expect(detectKind("a.htm", "<section>text</section>")).toBe("html");
    expect(detectKind("a", "<div><p>text</p></div>")).toBe("html");
  });

  it("takes plain text as a seed page", () => {
    expect(detectKind("a.html", "Title\n\nBody")).toBe("seed");
    expect(detectKind("a.txt", "  Title <with> brackets")).toBe("seed");
  });

  it("marks other XML", () => {
    expect(detectKind("sitemap.xml", `<?xml version="1.0"?><urlset>`)).toBe("other-xml");
    expect(detectKind("data", `<?xml version="1.0"?><records><r/></records>`)).toBe("other-xml");
    expect(rootElementName(`<?xml version="1.0"?>\n<urlset>`)).toBe("urlset");
  });
});
