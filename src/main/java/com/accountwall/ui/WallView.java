package com.accountwall.ui;

import com.accountwall.api.ApiEndpoint;
import com.accountwall.core.AccountDesk;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Builds the wall's view from {@code wall.fxml} and {@code controls.fxml}, styled by {@code
 * wall.css} and one theme's palette, with its type scaled to the window ({@link FontScale}).
 */
public final class WallView {
  private WallView() {}

  /**
   * How the view starts and where it reports a change to a setting the wall remembers.
   *
   * @param settings the theme and paging interval in force; the rate and lifetime are read from the generator and supervisor
   * @param kiosk whether it opens in kiosk mode
   * @param onSettingsChanged called on the JavaFX thread with the settings after a change in the window
   * @param deskCalls where the window's own orders and endings run: off the JavaFX thread in the
   *     app, since in cluster mode each waits for Kafka, for up to half a minute when it is down
   * @param problems what keeps the wall from acknowledging orders, as the health check says it;
   *     asked on the JavaFX thread once a second, so it must be cheap
   */
  public record Setup(WallSettings settings, boolean kiosk, Consumer<WallSettings> onSettingsChanged,
      Executor deskCalls, Supplier<List<String>> problems) {

    /** A setup whose orders and endings run on the calling thread, as tests want, with no problems. */
    public Setup(WallSettings settings, boolean kiosk, Consumer<WallSettings> onSettingsChanged) {
      this(settings, kiosk, onSettingsChanged, Runnable::run, List::of);
    }
  }

  /** The view with the dark theme, out of kiosk mode, remembering nothing. */
  public static Parent load(
      WallViewModel wall, AccountDesk orders, AccountSupervisor supervisor, OrderGenerator generator, ApiEndpoint api)
      throws IOException {
    WallSettings settings = new WallSettings(Theme.DARK, generator.rate(), supervisor.lifetime(),
        WallSettings.DEFAULT_PAGE_SECONDS, 0);
    return load(wall, orders, supervisor, generator, api, new Setup(settings, false, changed -> {}));
  }

  /**
   * @param api where the order API answers, for the status bar; null when there is none
   */
  public static Parent load(WallViewModel wall, AccountDesk orders, AccountSupervisor supervisor,
      OrderGenerator generator, ApiEndpoint api, Setup setup) throws IOException {
    FXMLLoader loader = new FXMLLoader(WallView.class.getResource("wall.fxml"));
    loader.setControllerFactory(type -> type == DemoController.class
        ? new DemoController(wall, orders, supervisor, generator, setup.deskCalls())
        : new WallController(wall, supervisor, generator, api, setup));
    Parent root = loader.load();
    FontScale.follow(root);
    return root;
  }

  /** The stylesheets of {@code theme}: the shared one, then the theme's palette. */
  static List<String> stylesheets(Theme theme) {
    return List.of(
        WallView.class.getResource("wall.css").toExternalForm(),
        WallView.class.getResource("theme-" + theme.id() + ".css").toExternalForm());
  }
}
