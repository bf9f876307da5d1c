package com.accountwall.ui;

import com.accountwall.ui.burnin.PixelShift;
import com.accountwall.ui.celebrate.CelebrationBanner;
import com.accountwall.ui.controls.ControlsController;
import com.accountwall.ui.details.DetailsCard;
import com.accountwall.ui.sleep.SleepCurtain;
import java.io.IOException;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * Builds the wall's window over a {@link WallModel} from {@code wall.fxml}, with the demo controls
 * from {@code controls/controls.fxml}, its words from the model's {@link WallModel#texts()} bundle,
 * its type scaled to the window ({@link FontScale}).
 *
 * <p>The scene's root is a stack of the wall, over it the {@link DetailsCard} while one is open,
 * then the {@link CelebrationBanner} across its middle while a celebration shows, and over all of
 * them the {@link SleepCurtain} that covers the window outside the schedule. While the curtain
 * shows, the wall under it is made invisible, so none of it is drawn (its rows still animate in the
 * model, which keeps following the core to be current on waking, but cost no rendering). The root
 * follows the model's {@link WallModel#shift()} against burn-in, the curtain's clock with it; the
 * few pixels it uncovers at an edge are the scene's fill, black, like the screen's bezel next to
 * them.
 */
public final class WallView {
  private WallView() {}

  /** The window's content, showing {@code model}. */
  public static Parent load(WallModel model) throws IOException {
    FXMLLoader loader = new FXMLLoader(WallView.class.getResource("wall.fxml"));
    loader.setResources(model.texts().bundle());
    loader.setControllerFactory(
        type ->
            type == ControlsController.class
                ? new ControlsController(model.controls(), model.texts())
                : new WallController(model));
    Parent wall = loader.load();
    FontScale.follow(wall);
    SleepCurtain curtain = new SleepCurtain(model.sleep());
    FontScale.follow(curtain);
    wall.visibleProperty().bind(model.sleep().asleepProperty().not());
    DetailsCard details = new DetailsCard(model.details(), model.texts());
    FontScale.follow(details);
    // The card is no part of the wall's themed root, so it takes the wall's stylesheets with it.
    Bindings.bindContent(details.getStylesheets(), wall.getStylesheets());
    CelebrationBanner celebration = new CelebrationBanner(model.celebrations());
    FontScale.follow(celebration);
    StackPane screen = new StackPane(wall, details, celebration, curtain);
    screen.setId("screen");
    screen.translateXProperty().bind(model.shift().xProperty());
    screen.translateYProperty().bind(model.shift().yProperty());
    // Black beyond its edges by more than the shift's reach, over the scene's fill, like the bezel.
    screen.setBackground(
        new Background(
            new BackgroundFill(Color.BLACK, CornerRadii.EMPTY, new Insets(-2 * PixelShift.REACH))));
    return screen;
  }
}
