package com.accountwall.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;

/**
 * The bearer token the API asks for: the one given (option or environment), else the one kept in
 * the data folder, else a new random one, which is then kept there, readable by its owner only.
 *
 * @param value the token
 * @param generated whether it was made up on this start rather than given or found
 * @param file where it is kept, when it came from the data folder
 */
public record ApiToken(String value, boolean generated, Path file) {
  static final String FILE_NAME = "api-token";

  public static ApiToken resolve(String given, Path dataFolder) throws IOException {
    if (given != null && !given.isBlank()) {
      return new ApiToken(given.strip(), false, null);
    }
    Path file = dataFolder.resolve(FILE_NAME);
    if (Files.exists(file)) {
      String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!kept.isEmpty()) {
        return new ApiToken(kept, false, file);
      }
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    write(file, token);
    return new ApiToken(token, true, file);
  }

  private static void write(Path file, String token) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path partial = file.resolveSibling(FILE_NAME + ".partial");
    Files.deleteIfExists(partial);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    try (FileChannel channel = FileChannel.open(partial, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE))) {
      channel.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
    }
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
  }
}
