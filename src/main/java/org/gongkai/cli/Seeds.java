package org.gongkai.cli;

import java.nio.file.Path;
import org.gongkai.bench.SyntheticCorpus;

/** Makes the synthetic corpus generator that varies the seed reports in a folder. */
@FunctionalInterface
interface Seeds {
  SyntheticCorpus vary(Path folder) throws Exception;
}
