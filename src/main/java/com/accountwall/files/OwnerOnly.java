package com.accountwall.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one rule for who may read the wall's files: on POSIX, the folders the wall creates are 0700
 * and its files 0600, because they hold the API token and every order; elsewhere (Windows) a new
 * file takes the permissions of its folder, which in the default data folder is the user's own
 * profile. Permissions are given at creation, so a file is never readable by others even for a
 * moment; a file or folder that exists already keeps the permissions it has, as an operator may
 * have chosen them. Stateless and thread-safe.
 */
public final class OwnerOnly {
  private static final FileAttribute<?>[] FILE = {
    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
  };
  private static final FileAttribute<?>[] FOLDER = {
    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
  };
  private static final FileAttribute<?>[] NONE = {};

  private OwnerOnly() {}

  /** The attributes to create {@code file} with: 0600 on POSIX, none elsewhere. */
  public static FileAttribute<?>[] fileAttributes(Path file) {
    return isPosix(file) ? FILE : NONE;
  }

  /**
   * Creates {@code file} empty unless it exists.
   *
   * @return whether this call created it
   */
  public static boolean createFile(Path file) throws IOException {
    try {
      Files.createFile(file, fileAttributes(file));
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  /**
   * Creates {@code folder} and any missing parent, each 0700 on POSIX; an existing one is left as
   * it is.
   */
  public static void createFolder(Path folder) throws IOException {
    Files.createDirectories(folder, isPosix(folder) ? FOLDER : NONE);
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
