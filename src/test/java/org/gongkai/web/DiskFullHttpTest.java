package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gongkai.TestSupport;
import org.gongkai.workspace.FullDiskFilePath;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk fails the upload, not the portal: while the workspace's database cannot write, an
 * upload is answered 503 and keeps nothing, a signed-in page is a 503 that says why, and a search
 * by nobody is answered as ever; once there is room again the same sessions go on — upload included
 * — with no restart.
 */
class DiskFullHttpTest {

  @TempDir Path dir;

  @AfterEach
  void room() {
    FullDiskFilePath.full = false;
  }

  static boolean signedIn(SignInHttpTest.Browser b) throws Exception {
    return b.get("/").body().contains("已登录：chen");
  }

  @Test
  void aFullDiskFailsTheUploadAndThePortalGoesOn() throws Exception {
    FullDiskFilePath.register();
    Workspace w =
        Workspace.connect(
            "jdbc:h2:fulldisk:" + dir.resolve("db/workspace") + ";WRITE_DELAY=0", "gk", "pw");
    w.keepUploadsIn(dir.resolve("uploads"));
    w.users().add("chen", Role.EDITOR, "correct horse".toCharArray(), null, "t");
    w.collections().create("desk", false, null, "t");
    w.collections().share("desk", "chen", "editor", null, "t");
    try (TestPortal portal =
        TestPortal.serving(dir.resolve("p"), List.of(TestSupport.CORPUS.resolve("formats")), w)) {
      SignInHttpTest.Browser chen = new SignInHttpTest.Browser(portal);
      assertEquals(303, chen.signIn("chen", "correct horse").statusCode());
      SignInHttpTest.Browser nobody = new SignInHttpTest.Browser(portal);
      String token = chen.token("/upload");

      FullDiskFilePath.full = true;
      HttpResponse<String> up =
          UploadHttpTest.upload(
              chen,
              Map.of("_csrf", token, "collection", "desk"),
              Map.of("水务局决算.txt", UploadHttpTest.LEAK.getBytes(StandardCharsets.UTF_8)));
      assertEquals(503, up.statusCode(), up.body());
      assertTrue(up.body().contains("工作区的数据库暂时无法使用"), up.body());
      try (var kept = java.nio.file.Files.walk(dir.resolve("uploads"))) {
        assertEquals(0, kept.filter(java.nio.file.Files::isRegularFile).count(), "nothing kept");
      }
      // nobody's search never asks the workspace: answered as ever
      HttpResponse<String> search =
          nobody.get("/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85%E8%B4%B9");
      assertEquals(200, search.statusCode());
      assertTrue(search.body().contains("个章节"), search.body());
      assertEquals(200, nobody.get("/d/52bbe3626a4811c6").statusCode());
      // a page that must ask it says why, never a 500
      int status = chen.get("/saved").statusCode();
      assertTrue(status == 503 || status == 200, "a signed-in page: " + status);

      // room again: the same session goes on, upload and all, with no restart
      FullDiskFilePath.full = false;
      boolean back = false;
      for (int i = 0; i < 50 && !back; i++) {
        back = signedIn(chen);
        if (!back) Thread.sleep(200);
      }
      assertTrue(back, "the portal came back to its workspace");
      HttpResponse<String> again =
          UploadHttpTest.upload(
              chen,
              Map.of("_csrf", chen.token("/upload"), "collection", "desk"),
              Map.of("水务局决算.txt", UploadHttpTest.LEAK.getBytes(StandardCharsets.UTF_8)));
      assertEquals(303, again.statusCode(), again.body());
      var done = UploadHttpTest.done(chen, again.headers().firstValue("Location").orElseThrow());
      assertEquals("indexed", done.get("files").get(0).get("outcome").asText());
    }
    w.close();
  }
}
