/** One briefing on the card: linked title, date and source, snippet with the name marked, why. */
import type { JSX } from "preact";
import type { Briefing } from "../lib/lookup";
import { briefingDateLabel, safeHttpUrl } from "./briefing-date";
import { MarkedText } from "./MarkedText";

export interface BriefingItemProps {
  briefing: Briefing;
  onOpenArticle: (briefing: Briefing) => void;
}

export function BriefingItem({ briefing, onOpenArticle }: BriefingItemProps): JSX.Element {
  const url = safeHttpUrl(briefing.url);
  const title = url ? (
    <a class="bb-title" href={url} target="_blank" rel="noopener noreferrer">
      {briefing.title}
    </a>
  ) : (
    <button type="button" class="bb-title bb-link" onClick={() => onOpenArticle(briefing)}>
      {briefing.title}
    </button>
  );
  return (
    <li class="bb-briefing">
      {title}
      <div class="bb-meta">
        <span class="bb-date">{briefingDateLabel(briefing)}</span>
        <span aria-hidden="true"> · </span>
        <span class="bb-source">{briefing.sourceName || briefing.source}</span>
        {url ? (
          <>
            <span aria-hidden="true"> · </span>
            <button type="button" class="bb-link bb-read" onClick={() => onOpenArticle(briefing)}>
              read here
            </button>
          </>
        ) : null}
      </div>
      {briefing.snippet.text ? (
        <p class="bb-snippet">
          <MarkedText text={briefing.snippet.text} marks={briefing.snippet.marks} />
        </p>
      ) : null}
      {briefing.why.length ? <p class="bb-why">Why: {briefing.why.join(" · ")}</p> : null}
    </li>
  );
}
