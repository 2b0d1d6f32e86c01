/**
 * The hover/focus card: what the archive says about one name. It only renders; the page
 * controller decides when it opens, what it shows and where.
 */
import type { JSX } from "preact";
import { useState } from "preact/hooks";
import type { Briefing } from "../lib/lookup";
import type { CardState } from "../lib/page/card-state";
import type { EntityType } from "../lib/schema";
import { BriefingItem } from "./BriefingItem";

export type { CardState };

/** Briefings shown before "more…". */
export const TOP_BRIEFINGS = 3;

export interface CardProps {
  state: CardState;
  pinned: boolean;
  onTogglePin: () => void;
  onClose: () => void;
  onOpenArticle: (briefing: Briefing) => void;
}

const TYPE_LABEL: Record<EntityType, string> = {
  person: "Person",
  org: "Organisation",
  place: "Place",
  event: "Event",
  other: "Other",
};

export function Card({ state, pinned, onTogglePin, onClose, onOpenArticle }: CardProps): JSX.Element {
  const entity = state.status === "ready" ? state.result.entity : null;
  const name = entity?.name ?? state.name;
  const type = entity?.type ?? state.type;
  return (
    <div class="bb-card" role="dialog" aria-label={`Briefings: ${name}`} tabIndex={-1} onKeyDown={trapTab}>
      <header class="bb-head">
        <div class="bb-heading">
          <h2 class="bb-name">{name}</h2>
          {type ? <span class="bb-type">{TYPE_LABEL[type]}</span> : null}
        </div>
        <div class="bb-actions">
          <button
            type="button"
            class="bb-icon"
            aria-pressed={pinned}
            aria-label={pinned ? "Unpin card" : "Pin card"}
            title={pinned ? "Unpin" : "Pin: keep open"}
            onClick={onTogglePin}
          >
            {pinned ? "●" : "○"}
          </button>
          <button type="button" class="bb-icon" aria-label="Close card" title="Close (Esc)" onClick={onClose}>
            ×
          </button>
        </div>
      </header>
      {entity?.description ? <p class="bb-desc">{entity.description}</p> : null}
      {entity && entity.labels.length ? <p class="bb-labels">Also: {entity.labels.join(", ")}</p> : null}
      <CardBody state={state} name={name} onOpenArticle={onOpenArticle} />
    </div>
  );
}

function CardBody({ state, name, onOpenArticle }: { state: CardState; name: string; onOpenArticle: (b: Briefing) => void }): JSX.Element {
  const [expanded, setExpanded] = useState(false);
  if (state.status === "loading") return <p class="bb-status" role="status">Looking up briefings…</p>;
  if (state.status === "error") {
    return (
      <p class="bb-status bb-error" role="alert">
        Could not load briefings: {state.message}
      </p>
    );
  }
  const { briefings, total } = state.result;
  if (briefings.length === 0) return <p class="bb-status">No briefings in your archive mention {name} yet.</p>;
  const shown = expanded ? briefings : briefings.slice(0, TOP_BRIEFINGS);
  const hidden = briefings.length - shown.length;
  return (
    <>
      <p class="bb-count">
        {total === 1 ? "1 briefing" : `${total} briefings`} in your archive
      </p>
      <ul class="bb-list">
        {shown.map((b) => (
          <BriefingItem key={b.id} briefing={b} onOpenArticle={onOpenArticle} />
        ))}
      </ul>
      {hidden > 0 ? (
        <button type="button" class="bb-more bb-link" aria-expanded={false} onClick={() => setExpanded(true)}>
          more… ({hidden})
        </button>
      ) : null}
    </>
  );
}

const FOCUSABLE = 'a[href], button:not([disabled]), [tabindex="0"]';

/** Keep Tab inside the open card, the way a dialog behaves. */
function trapTab(event: KeyboardEvent): void {
  if (event.key !== "Tab") return;
  const card = event.currentTarget as HTMLElement;
  const controls = [...card.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  const active = (card.getRootNode() as Document | ShadowRoot).activeElement;
  if (event.shiftKey && (active === first || active === card)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
