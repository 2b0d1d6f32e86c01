/**
 * The card's place in the page: a <briefings-card> host at the end of <body> with an open
 * shadow root (styles isolated both ways), Preact rendering inside, floating-ui placement.
 */
import { render } from "preact";
import { createShadowRootUi } from "wxt/utils/content-script-ui/shadow-root";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { Card } from "@/components/Card";
import { CARD_CSS } from "@/components/card-style";
import { placeCard } from "@/lib/page/card-position";
import type { CardRender, CardView } from "@/lib/page/controller";
import { CARD_HOST_TAG } from "@/lib/page/own-ui";

export async function mountCardView(ctx: ContentScriptContext, onPlaced: () => void): Promise<CardView & { remove(): void }> {
  const ui = await createShadowRootUi(ctx, {
    name: CARD_HOST_TAG,
    position: "inline",
    anchor: "body",
    append: "last",
    mode: "open",
    onMount: (container, shadow) => {
      addCardStyles(shadow);
      return container;
    },
    onRemove: (container) => {
      if (container) render(null, container);
    },
  });
  ui.mount();
  const container = ui.uiContainer;
  const cardElement = () => container.querySelector<HTMLElement>(".bb-card");
  /** `rendered`: this placement shows new content (timed), not a scroll or resize follow-up. */
  const place = (anchor: CardRender["anchor"], rendered = false) => {
    const card = cardElement();
    if (!card) return;
    placeCard(document, card, anchor).then(
      () => rendered && onPlaced(),
      (err: unknown) => console.warn("Belarus Briefings: could not place the card", err),
    );
  };
  let shownFor: number | null = null;
  return {
    host: ui.shadowHost,
    render(card) {
      if (!card) {
        shownFor = null;
        render(null, container);
        return;
      }
      const { anchor, ...props } = card;
      render(<Card key={props.state.entityId} {...props} />, container);
      // A new card starts hidden until placed; an update in place keeps its position.
      if (shownFor !== anchor.key) {
        const el = cardElement();
        if (el) el.style.opacity = "0";
        shownFor = anchor.key;
      }
      place(anchor, true);
    },
    focusInside() {
      cardElement()?.focus();
    },
    place: (anchor) => place(anchor),
    remove: () => ui.remove(),
  };
}

/** A constructed sheet, not a <style>: a page CSP without 'unsafe-inline' cannot block it. */
function addCardStyles(shadow: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CARD_CSS);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  } catch (err) {
    // Engines that refuse a content script's constructed sheet (Firefox's Xray wrappers) take a <style>.
    console.debug("Belarus Briefings: constructed stylesheets unavailable here, using a <style> element", err);
    const style = document.createElement("style");
    style.textContent = CARD_CSS;
    shadow.prepend(style);
  }
}
