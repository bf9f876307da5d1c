package com.accountwall.ui.kiosk;

import com.accountwall.ui.text.Texts;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;

/**
 * "Page 2 of 5", shown while a {@link Pager} runs over more than one page. Confined to the JavaFX
 * thread.
 */
public final class PageIndicator extends Label {

  public PageIndicator(Pager pager, Texts texts) {
    setId("pageIndicator");
    getStyleClass().add("page-indicator");
    textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    texts.text(
                        "kiosk.page",
                        texts.count(pager.pageProperty().get() + 1L),
                        texts.count(pager.pageCountProperty().get())),
                pager.pageProperty(),
                pager.pageCountProperty()));
    visibleProperty().bind(pager.runningProperty().and(pager.pageCountProperty().greaterThan(1)));
  }
}
