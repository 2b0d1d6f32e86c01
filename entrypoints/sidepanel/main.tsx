import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Reader, ReaderMessage } from "../../components/Reader";
import { openBriefingsDB } from "../../lib/db/database";
import { loadArticleView, type ArticleView } from "../../lib/lookup/article";

type State = { kind: "loading" } | { kind: "none" } | { kind: "missing"; id: string } | { kind: "error"; message: string } | { kind: "ok"; view: ArticleView };

function App() {
  const id = new URLSearchParams(location.search).get("article");
  const [state, setState] = useState<State>(id ? { kind: "loading" } : { kind: "none" });
  useEffect(() => {
    if (!id) return;
    // Extension pages share the background's origin, so the archive is read directly.
    loadArticleView(openBriefingsDB(), id)
      .then((view) => setState(view ? { kind: "ok", view } : { kind: "missing", id }))
      .catch((err: unknown) => setState({ kind: "error", message: err instanceof Error ? err.message : String(err) }));
  }, [id]);
  useEffect(() => {
    if (state.kind === "ok") document.title = `${state.view.article.title} — Belarus Briefings`;
  }, [state]);
  switch (state.kind) {
    case "loading":
      return <ReaderMessage title="Opening the briefing…" />;
    case "none":
      return <ReaderMessage title="Belarus Briefings"><p>Hover a highlighted name on a news page and choose a briefing to read it here.</p></ReaderMessage>;
    case "missing":
      return <ReaderMessage title="This briefing is no longer in your archive"><p>It may have been removed by its source in the last sync.</p></ReaderMessage>;
    case "error":
      return <ReaderMessage title="The archive could not be read"><p>{state.message}</p></ReaderMessage>;
    case "ok":
      return <Reader {...state.view} />;
  }
}

const root = document.getElementById("app");
if (root) render(<App />, root);
