package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.TestSupport;
import org.gongkai.workspace.Databases;
import org.gongkai.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routes the features register, as the portal composes them: the public ones alone without a
 * workspace; with one, the workspace's too (accounts, saved searches, stars, collections, notes,
 * upload). A route lost or added is seen here first.
 */
class PortalRoutesTest {

  @TempDir Path dir;

  static final List<String> PUBLIC =
      List.of(
          "GET /",
          "GET /api/documents",
          "GET /api/documents/{docId}",
          "GET /api/documents/{docId}/tables",
          "GET /api/indicators",
          "GET /api/issuer",
          "GET /api/p/{key}",
          "GET /api/projects",
          "GET /api/search",
          "GET /api/sections/{id}",
          "GET /batch",
          "GET /d/{docId}",
          "GET /d/{docId}/file",
          "GET /d/{docId}/page/{file}",
          "GET /documents",
          "GET /favicon.ico",
          "GET /feed",
          "GET /help",
          "GET /indicators",
          "GET /issuer",
          "GET /p/{key}",
          "GET /projects",
          "GET /s/{id}",
          "GET /search",
          "GET /t/{file}",
          "POST /api/batch",
          "POST /batch");

  static final List<String> WORKSPACE =
      List.of(
          "GET /admin/audit",
          "GET /api/upload/{id}",
          "GET /collections",
          "GET /collections/{id}",
          "GET /documents/files",
          "GET /feed/saved/{token}",
          "GET /login",
          "GET /notes",
          "GET /saved",
          "GET /saved/{id}",
          "GET /starred",
          "GET /upload",
          "GET /upload/{id}",
          "POST /collections",
          "POST /collections/{id}/remove",
          "POST /collections/{id}/share",
          "POST /collections/{id}/unshare",
          "POST /d/{docId}/star",
          "POST /d/{docId}/tags",
          "POST /d/{docId}/tags/delete",
          "POST /login",
          "POST /logout",
          "POST /notes/{id}/delete",
          "POST /s/{id}/notes",
          "POST /saved",
          "POST /saved/{id}/delete",
          "POST /saved/{id}/feed",
          "POST /tags",
          "POST /upload");

  /** Each GET answered for HEAD too, by the same handler. */
  static List<String> withHead(List<String> routes) {
    List<String> all = new ArrayList<>(routes);
    for (String r : routes) if (r.startsWith("GET ")) all.add("HEAD " + r.substring(4));
    return all.stream().sorted().toList();
  }

  @Test
  void withoutAWorkspaceThePublicRoutesAlone() throws Exception {
    try (TestPortal portal =
        TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")), null)) {
      assertEquals(withHead(PUBLIC), portal.portal.routes());
    }
  }

  @Test
  void withAWorkspaceItsRoutesToo() throws Exception {
    try (Workspace w = Databases.fresh("h2", dir)) {
      w.keepUploadsIn(Files.createDirectories(dir.resolve("uploads")));
      try (TestPortal portal =
          TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")), w)) {
        List<String> all = new ArrayList<>(PUBLIC);
        all.addAll(WORKSPACE);
        assertEquals(withHead(all), portal.portal.routes());
      }
    }
  }
}
