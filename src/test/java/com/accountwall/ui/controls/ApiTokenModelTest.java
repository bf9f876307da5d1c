package com.accountwall.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.api.ApiEndpoint;
import com.accountwall.api.ApiToken;
import com.accountwall.api.TokenFile;
import com.accountwall.ui.text.Texts;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API token's model alone, on the test's thread as the JavaFX thread, its frames' times given
 * by hand: masked until revealed, whole for {@link ApiTokenModel#SHOWN_FOR}, never in kiosk mode; a
 * token the operator gave, a file of tokens and no API show no token.
 */
class ApiTokenModelTest {
  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
  private static final URI ADDRESS = URI.create("http://127.0.0.1:8080");
  private static final String TOKEN = "3kP1xyzabcdefghijklmnopqrstuvwxy";
  private static final String MASKED = "3kP1\u2022\u2022\u2022\u2022\u2022\u2022";

  @TempDir Path data;
  private final BooleanProperty kiosk = new SimpleBooleanProperty();

  private ApiTokenModel kept() {
    ApiToken token = new ApiToken(TOKEN, true, data.resolve("api-token"));
    return new ApiTokenModel(new ApiEndpoint(ADDRESS, token, null), kiosk, Texts.ENGLISH, START);
  }

  @Test
  void aKeptTokenIsMaskedUntilRevealedAndThenWhole() {
    ApiTokenModel model = kept();

    assertTrue(model.isPresent());
    assertTrue(model.isOneToken());
    assertEquals("API token", model.getTitle());
    assertEquals(MASKED, model.valueProperty().get());
    assertFalse(model.revealedProperty().get());
    assertNull(model.noteProperty().get());

    model.reveal();

    assertEquals(TOKEN, model.valueProperty().get());
    assertTrue(model.revealedProperty().get());

    model.hide();

    assertEquals(MASKED, model.valueProperty().get());
    assertFalse(model.revealedProperty().get());
  }

  @Test
  void itIsMaskedAgainOnceShownForItsTimeByTheWallsClock() {
    ApiTokenModel model = kept();
    Instant revealedAt = START.plusSeconds(5);
    model.onFrame(revealedAt);
    model.reveal();

    model.onFrame(revealedAt.plus(ApiTokenModel.SHOWN_FOR).minusMillis(1));
    assertEquals(TOKEN, model.valueProperty().get());
    model.onFrame(revealedAt.plus(ApiTokenModel.SHOWN_FOR));

    assertEquals(MASKED, model.valueProperty().get());
    assertFalse(model.revealedProperty().get());
  }

  @Test
  void revealingAgainShowsItForItsWholeTimeFromThen() {
    ApiTokenModel model = kept();
    model.reveal();
    Instant again = START.plusSeconds(20);
    model.onFrame(again);
    model.reveal();

    model.onFrame(START.plus(ApiTokenModel.SHOWN_FOR));
    assertTrue(model.revealedProperty().get());
    model.onFrame(again.plus(ApiTokenModel.SHOWN_FOR));

    assertFalse(model.revealedProperty().get());
  }

  @Test
  void aClockGoneBackMasksIt() {
    ApiTokenModel model = kept();
    model.reveal();

    model.onFrame(START.minusSeconds(3600));

    assertEquals(MASKED, model.valueProperty().get(), "else it would show for an hour more");
  }

  @Test
  void kioskModeMasksItAndRefusesToRevealIt() {
    ApiTokenModel model = kept();
    model.reveal();

    kiosk.set(true);

    assertEquals(MASKED, model.valueProperty().get());
    assertFalse(model.revealableProperty().get());
    model.reveal();
    assertEquals(MASKED, model.valueProperty().get(), "nobody attends a wall in kiosk mode");
    assertFalse(model.revealedProperty().get());

    kiosk.set(false);

    assertTrue(model.revealableProperty().get());
    assertEquals(MASKED, model.valueProperty().get(), "leaving kiosk mode reveals nothing");
  }

  @Test
  void aTokenTheOperatorGaveIsNotShownAtAll() {
    ApiTokenModel model =
        new ApiTokenModel(
            new ApiEndpoint(ADDRESS, new ApiToken(TOKEN, false, null), null),
            kiosk,
            Texts.ENGLISH,
            START);

    assertTrue(model.isPresent());
    assertFalse(model.isOneToken());
    assertNull(model.valueProperty().get());
    assertEquals("given at start", model.noteProperty().get());
    assertFalse(model.revealableProperty().get());
    model.reveal();
    assertNull(model.valueProperty().get());
  }

  @Test
  void aFileOfTokensShowsItsPathAndTheirNamesNeverAToken() throws Exception {
    Path file = data.resolve("tokens");
    Files.writeString(file, "erp erp-token-0123456789\nshop shop-token-0123456789\n");
    ApiTokenModel model =
        new ApiTokenModel(
            new ApiEndpoint(ADDRESS, null, TokenFile.load(file)), kiosk, Texts.ENGLISH, START);

    assertTrue(model.isPresent());
    assertFalse(model.isOneToken());
    assertEquals("API tokens", model.getTitle());
    assertEquals(file.toString(), model.valueProperty().get());
    assertEquals("Order systems: erp, shop", model.namesProperty().get());
    assertNull(model.noteProperty().get());
    model.reveal();
    model.onFrame(START.plusSeconds(1));
    assertFalse(model.revealedProperty().get());
    assertEquals(file.toString(), model.valueProperty().get());
    assertEquals("Order systems: erp, shop", model.namesProperty().get());
  }

  @Test
  void withoutAnApiThereIsNothingToShow() {
    ApiTokenModel model = new ApiTokenModel(null, kiosk, Texts.ENGLISH, START);

    assertFalse(model.isPresent());
    assertFalse(model.isOneToken());
    assertNull(model.valueProperty().get());
    assertNull(model.noteProperty().get());
    model.reveal();
    model.onFrame(START.plusSeconds(60));
    assertFalse(model.revealedProperty().get());
  }
}
