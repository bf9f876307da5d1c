package com.accountwall.ui.controls;

import com.accountwall.api.ApiEndpoint;
import com.accountwall.api.ApiToken;
import com.accountwall.api.TokenFile;
import com.accountwall.ui.text.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The order API's token as the controls show it to the person at the wall, who may need it to set
 * up an order system; a wall is read by the whole floor, so it is masked unless asked for.
 *
 * <p>One token the wall made or kept: {@linkplain ApiToken#masked masked} until {@link #reveal},
 * then whole until {@link #hide}, until {@link #SHOWN_FOR} by the wall's clock have gone since
 * ({@link #onFrame}), or until kiosk mode is entered. It is never revealed in kiosk mode, when
 * nobody attends the wall but the whole floor reads it. A token the operator gave is not shown at
 * all, not even its start: they know it, as the status bar and the start line have it. A file of
 * named tokens has no one token to reveal: its path and the names of its tokens, never a token, the
 * names read again once a second by the wall's clock, as the file may be.
 *
 * <p>The whole token is held by {@link #valueProperty()} only while revealed; nothing here logs it.
 * Confined to the JavaFX thread.
 */
public final class ApiTokenModel {
  /** How long the whole token shows: long enough to copy it, short for a wall. */
  public static final Duration SHOWN_FOR = Duration.ofSeconds(30);

  private static final Duration NAMES_EVERY = Duration.ofSeconds(1);

  private final ApiToken token; // the one token a person may reveal; null if there is none
  private final TokenFile tokens;
  private final boolean present;
  private final Texts texts;
  private final String title;
  private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(this, "value");
  private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note");
  private final ReadOnlyStringWrapper names = new ReadOnlyStringWrapper(this, "names");
  private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(this, "revealed");
  private final ReadOnlyBooleanWrapper revealable = new ReadOnlyBooleanWrapper(this, "revealable");
  private Instant now;
  private Instant revealedAt;
  private Instant namesReadAt;

  /**
   * @param api where the API answers and which tokens it takes; null when there is no API
   * @param kiosk whether the window is in kiosk mode
   * @param texts the words of the title, the note and the names
   * @param now the wall's time as it starts
   */
  public ApiTokenModel(ApiEndpoint api, ObservableBooleanValue kiosk, Texts texts, Instant now) {
    Objects.requireNonNull(kiosk, "kiosk");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.now = Objects.requireNonNull(now, "now");
    present = api != null;
    tokens = present ? api.tokens() : null;
    // A token given by the operator is not kept: they know it, and the window shows none of it.
    token = present ? api.keptToken() : null;
    title = texts.text(tokens != null ? "controls.apiTokens" : "controls.apiToken");
    if (token != null) {
      value.set(token.masked());
      revealable.bind(Bindings.not(kiosk));
    } else if (tokens != null) {
      value.set(tokens.file().toString());
      readNames();
    } else if (present) {
      note.set(texts.text("controls.tokenGiven"));
    }
    kiosk.addListener((observable, was, on) -> hideIf(on));
  }

  /** Whether the controls show the API's token at all: false when there is no API. */
  public boolean isPresent() {
    return present;
  }

  /** Whether there is one token a person may reveal: neither one the operator gave nor a file. */
  public boolean isOneToken() {
    return token != null;
  }

  /** The row's title: the API's token, or its tokens when it takes a file of them. */
  public String getTitle() {
    return title;
  }

  /**
   * What a person may select and copy: the token masked, or whole while {@linkplain
   * #revealedProperty() revealed}, or the file of named tokens; null when there is neither.
   */
  public ReadOnlyStringProperty valueProperty() {
    return value.getReadOnlyProperty();
  }

  /** In place of the token, that the operator gave it; null otherwise. */
  public ReadOnlyStringProperty noteProperty() {
    return note.getReadOnlyProperty();
  }

  /** The names of a file's tokens, one per order system, in words; null without a file. */
  public ReadOnlyStringProperty namesProperty() {
    return names.getReadOnlyProperty();
  }

  /** Whether the whole token shows. */
  public ReadOnlyBooleanProperty revealedProperty() {
    return revealed.getReadOnlyProperty();
  }

  /** Whether {@link #reveal} would show it: there is one token, and kiosk mode is off. */
  public ReadOnlyBooleanProperty revealableProperty() {
    return revealable.getReadOnlyProperty();
  }

  /**
   * Shows the whole token for {@link #SHOWN_FOR} from the last frame's time, again if it shows
   * already; nothing unless {@linkplain #revealableProperty() revealable}.
   */
  public void reveal() {
    if (!revealable.get()) {
      return;
    }
    revealedAt = now;
    value.set(token.value());
    revealed.set(true);
  }

  /** Masks the token again; nothing if it is masked. */
  public void hide() {
    if (!revealed.get()) {
      return;
    }
    value.set(token.masked());
    revealed.set(false);
  }

  /**
   * One frame at {@code instant} by the wall's clock: masks the token once it has shown for {@link
   * #SHOWN_FOR}, and reads a file's names again once a second.
   */
  public void onFrame(Instant instant) {
    now = instant;
    if (revealed.get()
        && (!instant.isBefore(revealedAt.plus(SHOWN_FOR)) || instant.isBefore(revealedAt))) {
      hide(); // or the clock went back, which would keep it shown for as long
    }
    if (tokens != null
        && (!instant.isBefore(namesReadAt.plus(NAMES_EVERY)) || instant.isBefore(namesReadAt))) {
      readNames();
    }
  }

  private void hideIf(boolean kioskOn) {
    if (kioskOn) {
      hide();
    }
  }

  private void readNames() {
    namesReadAt = now;
    names.set(texts.text("controls.tokenNames", String.join(", ", tokens.names())));
  }
}
