package com.accountwall.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * Which version of a file the API read, for files it reads again when they change (its tokens, its
 * TLS certificate and key). Told apart by more than the modification time: the kernel stamps a
 * write with a clock of a few milliseconds' grain, so a file replaced right after it was read (a
 * rotation script, an editor's save) can keep the same time. A replacement by rename has another
 * file key (inode); an edit in place most likely another size. Immutable.
 */
record FileVersion(FileTime time, long size, Object key) {

  /** The version of {@code file} now. */
  static FileVersion of(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return new FileVersion(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
  }
}
