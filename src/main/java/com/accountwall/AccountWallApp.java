package com.accountwall;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.ExpiryTicker;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.ui.WallView;
import com.accountwall.ui.WallViewModel;
import java.io.IOException;
import java.time.Clock;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * Starts the wall: the seed's {@code Application}, which started the registry and the supervisor,
 * here followed by the expiry ticker, the simulated order generator and the window.
 */
public final class AccountWallApp extends Application {
  private ExpiryTicker ticker;
  private OrderGenerator generator;
  private WallViewModel wall;

  @Override
  public void start(Stage stage) throws IOException {
    WallSettings settings = WallSettings.parse(getParameters().getRaw());
    Clock clock = Clock.systemUTC();
    AccountSupervisor supervisor = AccountSupervisor.builder().clock(clock).lifetime(settings.lifetime()).build();
    ticker = new ExpiryTicker(supervisor);
    OrderGenerator.Builder generatorBuilder = OrderGenerator.builder(supervisor)
        .rate(settings.rate())
        .poolSize(settings.accounts());
    settings.seed().ifPresent(generatorBuilder::seed);
    generator = generatorBuilder.build();
    wall = new WallViewModel(supervisor, clock);
    if (settings.generator()) {
      generator.start();
    }

    stage.setTitle("Account Wall");
    stage.getIcons().add(new Image(AccountWallApp.class.getResource("icon.png").toExternalForm()));
    stage.setScene(new Scene(WallView.load(wall, supervisor, supervisor, generator), 1600, 900));
    stage.setMinWidth(1100);
    stage.setMinHeight(600);
    stage.show();

    wall.start();
  }

  @Override
  public void stop() {
    generator.close();
    ticker.close();
    wall.stop();
  }
}
