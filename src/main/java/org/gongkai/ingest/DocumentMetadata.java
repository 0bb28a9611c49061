package org.gongkai.ingest;

import org.gongkai.model.RegionMatch;

/** What the text of a document says about itself: title, issuer, department type, kind, year, region. */
public record DocumentMetadata(
    String title, String issuer, String departmentType, String kind, Integer year, RegionMatch region) {}
