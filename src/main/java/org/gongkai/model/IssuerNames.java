package org.gongkai.model;

import java.util.regex.Pattern;

/**
 * The one form of an issuer's name used to tell whether two reports share an issuer, whatever
 * spelling each uses: 中国共产党江苏省委员会办公厅, 中共江苏省委办公厅 and 江苏省委办公厅 are one issuer; so are
 * 江苏省人民代表大会常务委员会办公厅 and 江苏省人大常委会办公厅, and 中国人民政治协商会议江苏省委员会办公厅 and 政协江苏省委员会办公厅.
 */
public final class IssuerNames {

  private IssuerNames() {}

  private static final Pattern PARTY = Pattern.compile("^(?:中国共产党|中共)");
  private static final Pattern PARTY_COMMITTEE =
      Pattern.compile("(省|市|县|区|州|盟|旗)委员会(?=办公[厅室]|宣传部|组织部|统一战线工作部|政法委员会)");
  private static final Pattern CONGRESS = Pattern.compile("人民代表大会常务委员会");
  private static final Pattern CONSULTATIVE = Pattern.compile("^(?:中国人民政治协商会议|政协)(.{2,12}?)委员会");

  public static String normal(String name) {
    if (name == null) return null;
    String n = CONSULTATIVE.matcher(name.strip()).replaceFirst("$1政协");
    n = PARTY.matcher(n).replaceFirst("");
    n = PARTY_COMMITTEE.matcher(n).replaceAll("$1委");
    return CONGRESS.matcher(n).replaceAll("人大常委会");
  }
}
