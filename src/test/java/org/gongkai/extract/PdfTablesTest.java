package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.bench.SimplePdf;
import org.gongkai.bench.SimplePdf.Placed;
import org.gongkai.config.ExtractConfig;
import org.gongkai.text.TextCleaner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PDF table read from where its text stands: rows on one baseline, cells in columns (empty ones
 * kept), a right-aligned amount touching the next column's label split from it, a letter-spaced
 * label ({@code 合 计}) kept whole, a header row above the full rows kept in the table; a heading
 * with a wide gap and no figure is not a table.
 */
class PdfTablesTest {

  @TempDir Path dir;

  private static final float SIZE = 10;

  /** {@code text} ending at {@code right} (every glyph is one em wide in this font). */
  private static Placed rightAligned(float right, float y, String text) {
    return new Placed(right - text.length() * SIZE, y, SIZE, text);
  }

  private static Placed at(float x, float y, String text) {
    return new Placed(x, y, SIZE, text);
  }

  @Test
  void aTableIsReadAsRowsOfCellsInColumns() throws Exception {
    List<Placed> page = new ArrayList<>();
    page.add(at(60, 780, "第一部分"));
    page.add(at(120, 780, "部门概况")); // two characters apart: no figure, so not a table
    page.add(at(200, 750, "收入支出决算总表"));
    page.add(at(450, 735, "单位：万元"));
    page.add(at(60, 718, "收入")); // a header row above the full ones: part of the table
    page.add(at(255, 718, "支出"));
    page.addAll(
        List.of(at(60, 700, "项目"), at(200, 700, "金额"), at(260, 700, "项目"), at(420, 700, "金额")));
    page.addAll(
        List.of(
            at(60, 680, "一、财政拨款收入"),
            rightAligned(250, 680, "1,523.40"),
            at(255, 680, "一、一般公共服务支出"), // half a character after the amount
            rightAligned(460, 680, "12.00")));
    page.addAll(
        List.of(
            at(60, 660, "本年收入合计"),
            rightAligned(250, 660, "1,523.40"),
            at(255, 660, "本年支出合计"),
            rightAligned(460, 660, "1,492.20")));
    page.addAll(
        List.of(
            at(60, 640, "合"),
            at(90, 640, "计"),
            rightAligned(250, 640, "1,558.50"),
            at(255, 640, "合"),
            at(285, 640, "计"),
            rightAligned(460, 640, "1,558.50")));
    page.add(at(255, 620, "二、农林水支出")); // a row whose only cell is the third
    page.add(at(60, 580, "本表反映部门收支总体情况。"));
    Path pdf = dir.resolve("表.pdf");
    Files.write(pdf, SimplePdf.placed(page));
    String text = new TikaExtractor(ExtractConfig.defaults()).extract(pdf).text();
    assertEquals(
        String.join(
            "\n",
            "第一部分部门概况",
            "收入支出决算总表",
            "单位：万元",
            "收入\t\t支出",
            "项目\t金额\t项目\t金额",
            "一、财政拨款收入\t1,523.40\t一、一般公共服务支出\t12.00",
            "本年收入合计\t1,523.40\t本年支出合计\t1,492.20",
            "合计\t1,558.50\t合计\t1,558.50",
            "\t\t二、农林水支出",
            "本表反映部门收支总体情况。"),
        new TextCleaner().clean(text));
  }
}
