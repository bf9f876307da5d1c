package com.accountwall.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One connection to a wall's API that writes requests byte for byte, for requests no proper client
 * would send (conflicting lengths, bad chunking, half a request, bytes that are not UTF-8), and
 * reads answers as they come. Not thread-safe.
 */
final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;

  RawHttp(URI api) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(15_000);
    socket.connect(new InetSocketAddress(api.getHost(), api.getPort()), 5_000);
    in = socket.getInputStream();
  }

  /** An answer: its status, headers (names in lower case) and body. */
  record Answer(int status, Map<String, String> headers, String body) {}

  /**
   * A request from {@code head} (lines joined with CRLF, the blank line added) and {@code body}.
   */
  static byte[] request(String head, byte[] body) {
    byte[] headBytes =
        (head.replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }

  void write(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  /** Sends {@code bytes} and reads one answer. */
  Answer exchange(byte[] bytes) throws IOException {
    write(bytes);
    return read();
  }

  /** Reads the next answer, which must have a Content-Length (the API's all do) or none for 204. */
  Answer read() throws IOException {
    String statusLine = line();
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      headers.put(
          header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          header.substring(colon + 1).strip());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    return new Answer(
        Integer.parseInt(statusLine.substring(9, 12)),
        headers,
        new String(in.readNBytes(length), StandardCharsets.UTF_8));
  }

  /**
   * Whether the server has closed the connection: the next read finds its end, within the socket's
   * timeout.
   */
  boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection ended inside an answer: " + line);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
