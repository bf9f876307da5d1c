package com.accountwall.ui.kiosk;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;

/**
 * "Page 2 of 5", shown while a {@link Pager} runs over more than one page. Confined to the JavaFX
 * thread.
 */
public final class PageIndicator extends Label {

  public PageIndicator(Pager pager) {
    setId("pageIndicator");
    getStyleClass().add("page-indicator");
    textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    "Page "
                        + (pager.pageProperty().get() + 1)
                        + " of "
                        + pager.pageCountProperty().get(),
                pager.pageProperty(),
                pager.pageCountProperty()));
    visibleProperty().bind(pager.runningProperty().and(pager.pageCountProperty().greaterThan(1)));
  }
}
